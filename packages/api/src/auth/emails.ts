import type { MailMessage } from "../mail/mailer.ts";
import { escapeHtml } from "../shared/html.ts";

export function verificationEmail(to: string, username: string, link: string): MailMessage {
  return {
    to,
    subject: "Verify your Shop Luxe account",
    text: `Hello ${username},\n\nWelcome to Shop Luxe. Confirm your email address to activate your account:\n\n${link}\n\nThe link is valid for 24 hours and can be used once.\n`,
    html: `<p>Hello ${escapeHtml(username)},</p><p>Welcome to Shop Luxe. Confirm your email address to activate your account:</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>The link is valid for 24 hours and can be used once.</p>`,
  };
}

export function passwordResetEmail(to: string, username: string, uid: string, token: string, link: string): MailMessage {
  return {
    to,
    subject: "Reset your Shop Luxe password",
    text: `Hello ${username},\n\nSomeone asked to reset the password of your Shop Luxe account. If it was you, open:\n\n${link}\n\nor send these to POST /api/auth/password-reset/confirm/:\nuid: ${uid}\ntoken: ${token}\n\nThe link is valid for one hour and can be used once. If it was not you, ignore this email.\n`,
    html: `<p>Hello ${escapeHtml(username)},</p><p>Someone asked to reset the password of your Shop Luxe account. If it was you, open:</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>uid: <code>${uid}</code><br>token: <code>${token}</code></p><p>The link is valid for one hour and can be used once. If it was not you, ignore this email.</p>`,
  };
}

export function emailChangeConfirmationEmail(to: string, username: string, link: string): MailMessage {
  return {
    to,
    subject: "Confirm your new Shop Luxe email address",
    text: `Hello ${username},\n\nYou asked to use this address for your Shop Luxe account. Confirm it by opening:\n\n${link}\n\nThe link is valid for 24 hours and can be used once. Until then your account keeps its current address. If it was not you, ignore this email.\n`,
    html: `<p>Hello ${escapeHtml(username)},</p><p>You asked to use this address for your Shop Luxe account. Confirm it by opening:</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>The link is valid for 24 hours and can be used once. Until then your account keeps its current address. If it was not you, ignore this email.</p>`,
  };
}

export function emailChangeNoticeEmail(to: string, username: string, newEmail: string): MailMessage {
  return {
    to,
    subject: "Your Shop Luxe email address is about to change",
    text: `Hello ${username},\n\nSomeone signed in to your Shop Luxe account with its password and asked to change its email address to ${newEmail}. It changes only when the link we sent to that address is opened.\n\nIf it was not you, your password is known to someone else: ask for a password reset for this address now (POST /api/auth/password-reset/); a reset also signs every device out.\n`,
    html: `<p>Hello ${escapeHtml(username)},</p><p>Someone signed in to your Shop Luxe account with its password and asked to change its email address to <strong>${escapeHtml(newEmail)}</strong>. It changes only when the link we sent to that address is opened.</p><p>If it was not you, your password is known to someone else: ask for a password reset for this address now (POST /api/auth/password-reset/); a reset also signs every device out.</p>`,
  };
}
