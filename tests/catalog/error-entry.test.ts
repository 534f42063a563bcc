import { describe, expect, it } from 'vitest';
import { readWrittenCode } from '@/lib/catalog/error-entry';

describe('readWrittenCode', () => {
  it.each([
    ['9836', { form: 'number', text: '9836' }],
    [' -9836 ', { form: 'number', text: '-9836' }],
    ['−9836', { form: 'number', text: '-9836' }],
    ['12345678', { form: 'number', text: '12345678' }],
    ['0xbaadca11', { form: 'hex', code: '0xBAADCA11' }],
    ['baadca11', { form: 'hex', code: '0xBAADCA11' }],
    ['0x12345678', { form: 'hex', code: '0x12345678' }],
    [
      'OSSystemExtensionErrorDomain code 1',
      { form: 'domain', domain: 'OSSystemExtensionErrorDomain', number: 1 },
    ],
    ['NEVPNErrorDomain Code=5', { form: 'domain', domain: 'NEVPNErrorDomain', number: 5 }],
    ['Domain=NSURLErrorDomain -1009', { form: 'domain', domain: 'NSURLErrorDomain', number: -1009 }],
    ['nsurlerrordomain -1009', { form: 'domain', domain: 'nsurlerrordomain', number: -1009 }],
    ['NSURLErrorDomain--1009', { form: 'domain', domain: 'NSURLErrorDomain', number: -1009 }],
    ['NEVPNErrorDomain-5', { form: 'domain', domain: 'NEVPNErrorDomain', number: 5 }],
    ['nsposixerrordomain:61', { form: 'domain', domain: 'nsposixerrordomain', number: 61 }],
    ['NEVPNErrorDomain5', { form: 'domain', domain: 'NEVPNErrorDomain', number: 5 }],
    ['errSSLPeerProtocolVersion', { form: 'other', text: 'errSSLPeerProtocolVersion' }],
    ['  two   words ', { form: 'other', text: 'two words' }],
  ])('reads %j', (written, expected) => {
    expect(readWrittenCode(written)).toEqual(expected);
  });
});
