import type { MailMessage } from "../mail/mailer.ts";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

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
