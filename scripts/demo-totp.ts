/**
 * `npm run demo:totp`: prints the current two-step verification code of the demo admin (and any
 * demo account whose role requires it), as an authenticator app would show it. The key is the
 * published demo key (scripts/seed/demo.ts): this works only on demo and test databases.
 */
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { DEMO_TOTP_SECRET } from './seed/demo.ts';

const code = generateTOTP(decodeBase32IgnorePadding(DEMO_TOTP_SECRET), 30, 6);
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${code}  (valid for ${secondsLeft} more seconds; demo accounts only)`);
