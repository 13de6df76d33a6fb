/**
 * Ports of the two server processes the browser tests start. E2E_PORTS lets two test runs on
 * one machine stay out of each other's way.
 */
export const ports = (process.env.E2E_PORTS ?? '4601,4602').split(',').map(Number) as [number, number];
export const origins = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
/** The test mail server (tests/helpers/mail-sink.ts): SMTP for the apps, HTTP for the tests to read. */
export const mailSinkPorts = { smtp: ports[0] + 10_000, http: ports[1] + 10_000 };
