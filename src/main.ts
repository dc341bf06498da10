export async function run(): Promise<void> {
  // wired in a later commit
}
