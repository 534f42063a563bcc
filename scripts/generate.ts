import { generateCorpusFile, parseGenerateArgs } from '../tools/corpus/generate-command';

try {
  const args = parseGenerateArgs(process.argv.slice(2));
  const started = performance.now();
  const stats = await generateCorpusFile(args, (line) => process.stderr.write(`${line}\n`));
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${args.out}: ${stats.posts} posts, ${stats.records} records (${stats.duplicates} repeats), ` +
      `${stats.headers} headers, ${(stats.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s\n`,
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
