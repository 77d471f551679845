// One loud line when a service a suite needs is missing; a failure instead when CI demands all.
const announced = new Set<string>();

export function requirement(service: string, what: string, install: string): void {
  const message = `SKIPPED: ${what} (install with: ${install})`;
  if (process.env.CORESHARE_TEST_REQUIRE === 'all') {
    throw new Error(`CORESHARE_TEST_REQUIRE=all but ${service} is missing — ${message}`);
  }
  if (!announced.has(service)) {
    announced.add(service);
    process.stderr.write(`\n${'!'.repeat(100)}\n${message}\n${'!'.repeat(100)}\n\n`);
  }
}
