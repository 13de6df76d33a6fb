import { admin } from './admin.ts';
import { assignment } from './assignment.ts';
import { auth } from './auth.ts';
import { certificates } from './certificates.ts';
import { employer } from './employer.ts';
import { learning } from './learning.ts';
import { mail } from './mail.ts';
import { mfa } from './mfa.ts';
import { passwordReset } from './password-reset.ts';
import { profile } from './profile.ts';
import { quiz } from './quiz.ts';
import { workshop } from './workshop.ts';

export const server = {
  admin,
  assignment,
  auth,
  certificates,
  employer,
  learning,
  mail,
  mfa,
  passwordReset,
  profile,
  quiz,
  workshop,
};
