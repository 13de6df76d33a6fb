import { admin } from './admin.ts';
import { auth } from './auth.ts';
import { certificates } from './certificates.ts';
import { learning } from './learning.ts';
import { passwordReset } from './password-reset.ts';
import { profile } from './profile.ts';
import { quiz } from './quiz.ts';

export const server = { admin, auth, certificates, learning, passwordReset, profile, quiz };
