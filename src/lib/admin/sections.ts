import type { Role } from '#src/lib/roles.ts';
import type { MessageKey } from '#src/i18n/index.ts';

export type AdminSectionId =
  'overview' | 'users' | 'employers' | 'certificates' | 'reports' | 'audit' | 'mail';

export interface AdminSection {
  id: AdminSectionId;
  href: string;
  label: MessageKey;
  /** What the section is for, on the overview page (trainers may get their own wording). */
  description: MessageKey;
  trainerDescription?: MessageKey;
  /** The least role that sees the section; pages check the same role on the server. */
  role: Role;
}

/** The sections of the admin area, in navigation order; a new admin desk adds its entry here. */
export const adminSections: readonly AdminSection[] = [
  {
    id: 'overview',
    href: '/admin',
    label: 'admin.nav.overview',
    description: 'admin.overview.lead',
    role: 'trainer',
  },
  {
    id: 'users',
    href: '/admin/users',
    label: 'admin.nav.users',
    description: 'admin.section.users',
    role: 'admin',
  },
  {
    id: 'employers',
    href: '/admin/employers',
    label: 'admin.nav.employers',
    description: 'admin.section.employers',
    role: 'admin',
  },
  {
    id: 'certificates',
    href: '/admin/certificates',
    label: 'certificates.staffLink',
    description: 'certificates.staffDescription',
    role: 'admin',
  },
  {
    id: 'reports',
    href: '/admin/reports',
    label: 'admin.nav.reports',
    description: 'admin.section.reports',
    trainerDescription: 'admin.section.reportsTrainer',
    role: 'trainer',
  },
  {
    id: 'audit',
    href: '/admin/audit',
    label: 'admin.nav.audit',
    description: 'admin.section.audit',
    role: 'admin',
  },
  {
    id: 'mail',
    href: '/admin/mail',
    label: 'mail.admin.nav',
    description: 'mail.admin.description',
    role: 'admin',
  },
];
