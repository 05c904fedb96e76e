import pino, { type Logger } from 'pino';

/** The app's logger: JSON lines, with secrets redacted wherever they might appear. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'chorus' },
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          '*.password',
          '*.clientSecret',
          '*.token',
          'config.bot.password',
          'config.directory.clientSecret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
