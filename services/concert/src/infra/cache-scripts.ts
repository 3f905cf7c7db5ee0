import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The catalogue cache's Redis scripts (see each file's head), read once when the module loads;
// the build copies lua/ into dist beside this file.
const luaOf = (name: string) => readFileSync(join(__dirname, 'lua', `${name}.lua`), 'utf8');

export const writeNewerFieldsScript = luaOf('newer-fields');
export const storeRenderedDocumentScript = luaOf('rendered-document');
