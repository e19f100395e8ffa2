import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { createWorkoutServices } from '../../src/language/workout-module.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
test('fmt', async () => {
  const services = createWorkoutServices(EmptyFileSystem).Workout;
  const text = readFileSync('examples/athletes.workout', 'utf8');
  const doc = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/w/a.workout'));
  services.shared.workspace.LangiumDocuments.addDocument(doc);
  await services.shared.workspace.DocumentBuilder.build([doc]);
  const edits = await services.lsp.Formatter!.formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
  const out = TextDocument.applyEdits(TextDocument.create('x', 'workout', 1, text), edits);
  console.log(out);
});
