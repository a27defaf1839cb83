/** Drops the run's database (and stops the embedded server if one was started). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.wfmTestDatabase?.drop();
}
