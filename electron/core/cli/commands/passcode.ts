import type { Command } from 'commander';
import type { CommandContext } from '../main';

/**
 * `cairn passcode clear`: the way back in when the app's passcode is forgotten. The CLI already
 * needs the OS account and the library's key, so it is not subject to the lock (docs/data-and-security.md).
 */
export function registerPasscodeCommand(program: Command, context: CommandContext): void {
  program
    .command('passcode')
    .description("the app's lock passcode")
    .command('clear')
    .description('remove a forgotten passcode (audited); set a new one in Settings → Security')
    .action(async () => {
      await context.withCore((core) => Promise.resolve(core.lock.clearForgottenPasscode()));
      context.io.out('The passcode is removed. Set a new one in Settings → Security.');
    });
}
