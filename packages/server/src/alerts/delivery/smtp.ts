import { connect as tcp, type Socket } from 'node:net';
import { connect as tls } from 'node:tls';
import type { AlertPacket } from '@peacebell/model';
import type { SendResult } from './webhook.ts';

/** `smtp://[user:pass@]host[:25]` (plain) or `smtps://...:465` (TLS from the start); STARTTLS is not spoken. */
export interface SmtpSettings {
  url: string;
  from: string;
}

/** Reads SMTP replies (multi-line ones end at "NNN "). */
function replies(socket: Socket): () => Promise<{ code: number; text: string }> {
  let buffer = '';
  const waiting: ((line: string) => void)[] = [];
  const lines: string[] = [];
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i).replace(/\r$/, '');
      buffer = buffer.slice(i + 1);
      const w = waiting.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  const line = () =>
    new Promise<string>((resolve) => {
      const next = lines.shift();
      if (next === undefined) waiting.push(resolve);
      else resolve(next);
    });
  return async () => {
    let text = '';
    for (;;) {
      const l = await line();
      text += `${l.slice(4)}\n`;
      if (l[3] !== '-') return { code: Number(l.slice(0, 3)), text: text.trim() };
    }
  };
}

export function messageText(packet: AlertPacket): string {
  const events = packet.top_events
    .map((e) => `- ${e.event_date} ${e.summary}${e.source_url ? ` ${e.source_url}` : ''}`)
    .join('\n');
  return `${packet.summary}\n\nSeverity: ${packet.severity}, confidence ${packet.confidence}\nDay: ${packet.day} (UTC)\nRule: ${packet.rule.name} (${packet.rule.when})\nDashboard: ${packet.link}\n\nTop events:\n${events || '(none)'}\n\n-- \nThe alert packet (${packet.schema}):\n${JSON.stringify(packet)}\n`;
}

/** Sends one message; the body is the packet for humans, then as JSON. */
export async function sendMail(
  settings: SmtpSettings,
  to: string,
  subject: string,
  packetJson: string,
  timeoutMs: number,
  at: Date = new Date(),
): Promise<SendResult> {
  const url = new URL(settings.url);
  const port = Number(url.port) || (url.protocol === 'smtps:' ? 465 : 25);
  const socket: Socket =
    url.protocol === 'smtps:'
      ? tls({ host: url.hostname, port, servername: url.hostname })
      : tcp({ host: url.hostname, port });
  socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer in ${timeoutMs} ms`)));
  const failed = new Promise<never>((_, reject) => socket.once('error', reject));
  const reply = replies(socket);
  const step = async (command: string | null, expect: number) => {
    if (command !== null) socket.write(`${command}\r\n`);
    const r = await Promise.race([reply(), failed]);
    if (r.code !== expect)
      throw new Error(`SMTP ${command?.split(' ')[0] ?? 'greeting'}: ${r.code} ${r.text}`);
  };
  try {
    await step(null, 220);
    await step('EHLO peacebell', 250);
    if (url.username) {
      const auth = Buffer.from(
        `\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`,
      ).toString('base64');
      await step(`AUTH PLAIN ${auth}`, 235);
    }
    await step(`MAIL FROM:<${settings.from}>`, 250);
    await step(`RCPT TO:<${to}>`, 250);
    await step('DATA', 354);
    const body = messageText(JSON.parse(packetJson) as AlertPacket)
      .split('\n')
      .map((l) => (l.startsWith('.') ? `.${l}` : l))
      .join('\r\n');
    const headers = [
      `From: ${settings.from}`,
      `To: ${to}`,
      `Subject: [peacebell] ${subject.replace(/[\r\n]+/g, ' ')}`,
      `Date: ${at.toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
    ].join('\r\n');
    await step(`${headers}\r\n\r\n${body}\r\n.`, 250);
    socket.write('QUIT\r\n');
    return { ok: true, status: 250, error: null };
  } catch (error) {
    return { ok: false, status: null, error: (error as Error).message };
  } finally {
    socket.end();
  }
}
