// Printed before the server starts: where the app is and how to sign in.
const port = process.env.PORT ?? "3000";
const database = process.env.DATABASE_URL ? "PostgreSQL server (DATABASE_URL)" : `embedded PostgreSQL in ${process.env.PGLITE_DIR ?? ".data/pglite"}`;
console.log(`
  AutoPulse → http://localhost:${port}
  Database: ${database}`);
if (!process.env.DATABASE_URL) {
  console.log(`  Demo sign-ins (password: demo-password):
    super@autopulse.test    Super admin (AutoPulse Platform)
    admin@sunrise.test      Admin, Sunrise Motors
    manager@sunrise.test    Manager, Sunrise Motors
    admin@bayview.test      Admin, Bayview Auto Care
    manager@bayview.test    Manager, Bayview Auto Care
    former@sunrise.test     deactivated (sign-in is refused)
`);
}
