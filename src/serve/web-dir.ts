/** Where the built dashboard is: web/dist under the package root (src/ and dist/ alike, see paths.ts). */
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

export const DEFAULT_WEB_DIR = path.join(PACKAGE_ROOT, 'web', 'dist');
