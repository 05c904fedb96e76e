export * from './common';
export * from './me';
export * from './program';
export * from './dev-chat';
export * from './content';
export * from './schema-messages';
export * from './recruitment';
