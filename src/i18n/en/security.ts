/** Two-step verification, re-authentication, sessions and the security edge answers (issue 18). */
export default {
  'signIn.badNext':
    'The address to return to after signing in was not a page of this site, so it was ignored. After signing in you will go to your dashboard.',
  'error.tooLarge':
    'What you sent is too large (the limit is 256 KB). Go back, shorten the text or remove what you pasted, and send it again.',
  'language.badReturnTitle': 'Language changed',
  'language.badReturn':
    'Your language is saved, but the page to return to was not a page of this site, so we did not go there. Use the link below to carry on.',
  'language.notSaved': 'The language could not be changed. Go back and use the language switch again.',
  'errors.fullName.hidden-characters':
    'Full name contains hidden characters (such as zero-width spaces, direction marks or control characters). Type the name again instead of pasting it',
  'errors.fullName.stacked-marks':
    'Full name has more than 2 accent marks on one letter. Type each letter with at most 2 marks',
  'errors.password.weak':
    'This password is too easy to guess. Use a longer one, for example three or four unrelated words, and avoid your name, email and words like RTW or academy',

  'mfa.errorPrefix': 'Error:',
  'mfa.code.label': 'Code from your authenticator app',
  'mfa.code.hint': 'The 6-digit code your app shows now, for example 123456.',
  'mfa.code.missing': 'Enter the 6-digit code from your authenticator app',
  'mfa.code.invalid':
    'That code is not right, or has already been used. Enter the code your app shows now (it changes every 30 seconds)',
  'mfa.code.throttled': 'Too many wrong codes. Wait {minutes} minutes, then try again.',
  'mfa.recovery.label': 'Recovery code',
  'mfa.recovery.hint': 'One of the codes you saved when you set up two-step verification, like k7m2p-x9d4q.',
  'mfa.recovery.missing': 'Enter one of your recovery codes',
  'mfa.recovery.invalid':
    'That recovery code is not right or has already been used. Check it and try another one',
  'mfa.signIn.title': 'Two-step verification',
  'mfa.signIn.lead':
    'Your password is right. Open the authenticator app you set up for {email} and enter its code.',
  'mfa.signIn.recoveryLead':
    'Enter one of your recovery codes. Each one works once; make new ones on your profile when few are left.',
  'mfa.signIn.submit': 'Continue',
  'mfa.signIn.useRecovery': 'I cannot use my authenticator app: use a recovery code',
  'mfa.signIn.useApp': 'Use a code from my authenticator app instead',
  'mfa.signIn.cancel': 'Cancel and sign out',
  'mfa.required.title': 'Set up two-step verification',
  'mfa.required.lead':
    'Your role can change other people’s accounts and certificates, so it needs two-step verification: besides your password, a code from an app on your phone. Set it up now to finish signing in. It takes about two minutes.',
  'mfa.setup.step1': 'Install an authenticator app',
  'mfa.setup.step1Lead':
    'Any app that supports time-based codes works, for example Google Authenticator, Microsoft Authenticator or 2FAS.',
  'mfa.setup.step2': 'Add RTW Academy to the app',
  'mfa.setup.qrLabel': 'QR code to scan with your authenticator app',
  'mfa.setup.manual':
    'Scan the QR code with the app. If you cannot scan it, type this key into the app instead:',
  'mfa.setup.step3': 'Enter the code the app shows',
  'mfa.setup.codeHint': 'The app shows a new 6-digit code every 30 seconds.',
  'mfa.setup.submit': 'Turn on two-step verification',
  'mfa.setup.expired':
    'This set-up took too long and has been replaced. Scan the new QR code and enter its code',
  'mfa.codes.title': 'Save your recovery codes',
  'mfa.codes.lead':
    'If you lose your phone, each of these codes lets you sign in once. Print them or keep them in a password manager, somewhere other than your phone.',
  'mfa.codes.listLabel': 'Recovery codes',
  'mfa.codes.once': 'This is the only time we show them. Earlier recovery codes no longer work.',
  'mfa.done.title': 'Two-step verification is on',
  'mfa.done.continue': 'I have saved my codes: continue',
  'mfa.manage.title': 'Two-step verification',
  'mfa.manage.back': 'Back to your profile',
  'mfa.manage.on': 'Two-step verification is on since {date}.',
  'mfa.manage.codesLeft':
    '{count, plural, one {You have # unused recovery code.} other {You have # unused recovery codes.}}',
  'mfa.manage.offered':
    'Two-step verification is off. Turn it on to ask for a code from your phone as well as your password when you sign in.',
  'mfa.manage.requiredForRole':
    'Your role requires two-step verification: it cannot be turned off while you have this role.',
  'mfa.manage.setUp': 'Set up two-step verification',
  'mfa.manage.manageLink': 'Manage two-step verification',
  'mfa.manage.codesTitle': 'Recovery codes',
  'mfa.manage.codesLead':
    'Make new codes if you have used most of them or think someone else has seen them. The old codes then stop working. We ask for your password first.',
  'mfa.manage.replaceCodes': 'Make new recovery codes',
  'mfa.manage.offTitle': 'Turn off two-step verification',
  'mfa.manage.offLead':
    'You will sign in with your password only. We ask for your password and a code first.',
  'mfa.manage.turnOff': 'Turn off two-step verification',
  'mfa.manage.turnedOff': 'Two-step verification is off. You were signed out on your other devices.',
  'mfa.manage.recoveryUsed':
    'You signed in with a recovery code. Recovery codes left: {count}. Make new ones below if that is too few.',
  'mfa.disable.required-for-role': 'Your role requires two-step verification, so it cannot be turned off.',
  'mfa.disable.not-enrolled': 'Two-step verification is already off.',

  'reauth.title': 'Confirm it is you',
  'reauth.lead':
    'This change needs your password again (and a code, if you use two-step verification). Then you go back to where you were and can make the change within the next 10 minutes.',
  'reauth.submit': 'Confirm',
  'reauth.throttled': 'Too many wrong passwords. Wait {minutes} minutes, then try again.',

  'sessions.deviceColumn': 'Device',
  'sessions.signedIn': 'Signed in',
  'sessions.lastActive': 'Last active',
  'sessions.actions': 'Actions',
  'sessions.device': '{browser} on {system}',
  'sessions.unknownDevice': 'Unknown device',
  'sessions.thisDevice': 'This device',
  'sessions.end': 'Sign out',
  'sessions.signOutOthers': 'Sign out everywhere else',
  'sessions.othersEnded': 'You are signed out on every other device. This one stays signed in.',
  'sessions.oneEnded': 'That device is signed out.',

  'admin.user.mfaTitle': 'Two-step verification',
  'admin.user.mfaOn': 'On. If the person has lost their phone and their recovery codes, you can reset it.',
  'admin.user.mfaOff': 'Off.',
  'admin.user.mfaReset': 'Reset two-step verification',
  'admin.user.saved.mfaReset':
    'Two-step verification was reset. The person was signed out and sets it up again at the next sign-in.',
  'admin.user.error.target-is-admin':
    'Reset links cannot be made for admins. An admin who forgot their password uses the self-service reset on the sign-in page, or the server’s admin:create command.',
  'admin.mfaReset.title': 'Reset two-step verification',
  'admin.mfaReset.lead':
    'Reset two-step verification for {name}? Only do this after you have checked who is asking, for example by phone.',
  'admin.mfaReset.effects':
    'Their authenticator app and recovery codes stop working and they are signed out everywhere. At their next sign-in they can set it up again (at once, if their role requires it). The audit log records the reset and your reason.',
  'admin.mfaReset.submit': 'Yes, reset two-step verification',
  'admin.mfaReset.error.forbidden': 'Only admins can do this.',
  'admin.mfaReset.error.not-found': 'This account no longer exists.',
  'admin.mfaReset.error.self': 'You cannot reset your own two-step verification here. Use your profile.',
  'admin.mfaReset.error.not-enrolled':
    'This person does not use two-step verification, so there is nothing to reset.',
  'admin.audit.action.mfa-enabled': 'Two-step verification turned on',
  'admin.audit.action.mfa-disabled': 'Two-step verification turned off',
  'admin.audit.action.mfa-reset': 'Two-step verification reset by an admin',
  'admin.audit.action.mfa-recovery-codes-replaced': 'New recovery codes made',
} as const;
