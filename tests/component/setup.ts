import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// Without this, rendered trees leak from one test into the next.
afterEach(() => cleanup());
