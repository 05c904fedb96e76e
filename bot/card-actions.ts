import type { z } from 'zod';
import { ZOnboardingSubmit } from '../src/contracts/onboarding';
import { ZLeaveAnswer } from './handlers/commands';
import { ZSparringSubmit } from './handlers/sparring';

/**
 * Every card action the bot answers, keyed by the `chorus` field its button data carries, with the
 * schema the handler parses it with and how it may arrive: Action.Submit (a message with `value`) or
 * Action.Execute (an `adaptiveCard/action` invoke). The routes in application.ts match on `chorus`,
 * so this list is what tests/security/card-fuzz.test.ts fuzzes; that test fails when a card sends a
 * `chorus` value missing here.
 */
export const CARD_ACTIONS: readonly {
  chorus: string;
  schema: z.ZodTypeAny;
  submit: boolean;
  execute: boolean;
}[] = [
  { chorus: 'onboarding', schema: ZOnboardingSubmit, submit: true, execute: true },
  { chorus: 'command', schema: ZLeaveAnswer, submit: true, execute: false },
  ...ZSparringSubmit.options.map((option) => ({
    chorus: option.shape.chorus.value,
    schema: option,
    submit: true,
    execute: false,
  })),
];
