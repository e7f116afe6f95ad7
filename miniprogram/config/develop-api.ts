// Where the develop build finds the server. `npm start` builds dist/ with the address it serves on in this
// module's place (scripts/lib/bundle.ts): another PORT, or with --lan this machine's LAN address, which a phone
// previewing the build can reach where it cannot reach loopback.
export const DEVELOP_API_URL = 'http://127.0.0.1:3000';
