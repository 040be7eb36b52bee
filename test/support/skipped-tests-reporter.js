// Names every skipped test at the end of a run, with the reason its suite gives (e.g. the production adapters'
// contract suites, which need ESDB_URL / MONGO_URL), so that a skip is never mistaken for a pass.
class SkippedTestsReporter {
  onRunComplete(_contexts, results) {
    const skipped = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo')
          skipped.push(test.fullName);
      }
    }
    if (skipped.length === 0) return;
    process.stderr.write(
      `\nSkipped (${skipped.length}), each with its reason:\n${skipped.map((name) => `  - ${name}`).join('\n')}\n`,
    );
  }
}
module.exports = SkippedTestsReporter;
