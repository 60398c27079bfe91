import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL måste vara en postgres://-adress' }).optional()),
  PGLITE_DIR: z.string().trim().min(1).default('.data/pglite'),
  /** Skip loading the plan and example data on an empty database (tests that want an empty one). */
  SEED_ON_START: z.enum(['0', '1']).default('1'),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Ogiltig konfiguration:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
