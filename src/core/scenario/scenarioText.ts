/**
 * Scenario *text* → a validated scenario (the runner's and a link's way in): the full JSON
 * parser, whose problems say line and column, then the validator. Kept apart from
 * validateScenario.ts so that the app loads the parser (jsonc-parser) only for text that
 * `quickJson.ts` could not take.
 */
import { parseJsonText } from './jsonText';
import { validateScenarioDocument, type ParseResult } from './validateScenario';

export function parseScenarioText(text: string): ParseResult {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  return validateScenarioDocument(json.value);
}
