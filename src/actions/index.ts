import { auth } from './auth.ts';
import { profile } from './profile.ts';

export const server = { auth, profile };
