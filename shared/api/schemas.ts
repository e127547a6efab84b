// The building blocks of the contract's input schemas: ids, texts and files with their caps, the annotation
// and claim handed back for undo (held to the same limits as creating one), the import caps and the library's
// outlet names. contract.ts assembles the methods from them.
import { z } from 'zod';
import { STANCES } from '../domain/types';
import { IMPORT_SIZE_LIMIT_MAX_BYTES, IMPORT_SIZE_LIMIT_MIN_BYTES } from './rpc';
import { OUTLET_NAME_MAX, normalizeHost } from '../domain/outlet-registry';

export const base64Max = (bytes: number) => Math.ceil((bytes * 4) / 3) + 8;

export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'not a valid id');
export const shortText = (max: number) => z.string().max(max);
export const stanceSchema = z.enum(STANCES);

export const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[\\/]/.test(s) && !s.includes(String.fromCharCode(0)), 'a file name, not a path');

export const droppedFileSchema = z.object({
  name: fileName,
  /** Size the renderer saw; used to refuse oversized files without transferring them. */
  size: z.number().int().nonnegative(),
  /**
   * Base64 of the bytes; omitted when the file is over its cap (maxImportBytesFor with app.info's limits).
   * The schema admits the largest cap a library may configure; the importer refuses a file over the cap in
   * force for its type by name.
   */
  dataBase64: z.string().max(base64Max(IMPORT_SIZE_LIMIT_MAX_BYTES)).optional(),
});
export type DroppedFile = z.infer<typeof droppedFileSchema>;

export const quoteInput = z.object({
  exact: shortText(20_000).min(1),
  prefix: shortText(200).default(''),
  suffix: shortText(200).default(''),
});

export const targetInput = z.object({
  /** Code point offsets into the stored text; checked against the quote by the service. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: quoteInput.optional(),
});

export const annotationFields = {
  stance: stanceSchema,
  speaker: shortText(200).default(''),
  tags: z.array(shortText(80).min(1)).max(50).default([]),
  note: shortText(20_000).default(''),
};

export const claimRef = z.union([
  z.object({ claimId: id }),
  z.object({ newClaim: z.object({ text: shortText(1000).min(1), speaker: shortText(200).default('') }) }),
]);

// An annotation handed back for undo: the same limits as creating one (a restore must not be a way around
// them). The quote is checked against the stored text by the service; its cap only bounds the work.
export const annotationSchema = z.object({
  id,
  articleId: id,
  claimId: id,
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: shortText(1_000_000),
    prefix: shortText(200),
    suffix: shortText(200),
  }),
  position: z.object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int(),
    end: z.number().int(),
  }),
  stance: stanceSchema,
  speaker: shortText(200),
  tags: z.array(shortText(80)).max(50),
  note: shortText(20_000),
  createdAt: shortText(64),
  updatedAt: shortText(64),
});

// A claim handed back for undo: the same limits as creating one; the service checks the wording like a new one.
export const claimSchema = z.object({
  id,
  text: shortText(1000).min(1),
  speaker: shortText(200),
  note: shortText(20_000),
  createdAt: shortText(64),
  updatedAt: shortText(64),
});

export const mib = (n: number) => `${n / 1024 / 1024} MB`;
export const sizeLimit = z
  .number()
  .int()
  .min(IMPORT_SIZE_LIMIT_MIN_BYTES, `must be at least ${mib(IMPORT_SIZE_LIMIT_MIN_BYTES)}`)
  .max(IMPORT_SIZE_LIMIT_MAX_BYTES, `must be at most ${mib(IMPORT_SIZE_LIMIT_MAX_BYTES)}`);
/** Per-file caps as stored in settings.json and accepted by settings.update (bytes). */
export const importLimitsSchema = z.object({ maxBytes: sizeLimit, maxPdfBytes: sizeLimit }).strict();

/**
 * Changes to a library's outlet names: a list of { domain, name }, name null to forget the library's name
 * for the domain. A list rather than a map, like every input here (no free-form keys). Domains come
 * normalised (normalizeHost: lower case, no "www.", no port), so that one domain has one entry.
 */
export const outletNamesPatchSchema = z
  .array(
    z
      .object({
        domain: z
          .string()
          .max(253)
          .refine(
            (d) => normalizeHost(d) === d,
            'is not a domain name such as example.org (lower case, without www. or a port)',
          ),
        name: z
          .string()
          .trim()
          .min(1, 'needs a name')
          .max(OUTLET_NAME_MAX, `must be at most ${OUTLET_NAME_MAX} characters`)
          .nullable(),
      })
      .strict(),
  )
  .max(500, 'at most 500 outlet names per change')
  .refine((list) => new Set(list.map((e) => e.domain)).size === list.length, 'names each domain once');
