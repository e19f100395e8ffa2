/**
 * The `workout.*` settings as a Langium service: the one reader of the editor's configuration
 * (check severities, plan thresholds, inlay hints, load unit). Outside an editor nobody sends a
 * configuration and the defaults apply.
 */
import type { ConfigurationProvider, LangiumSharedCoreServices } from 'langium';
import { readSettings, SETTING_SECTIONS, type WorkoutSettings } from '../core/settings.js';

export class WorkoutSettingsProvider {
    private readonly configuration: ConfigurationProvider;

    constructor(shared: LangiumSharedCoreServices) {
        this.configuration = shared.workspace.ConfigurationProvider;
    }

    async get(): Promise<WorkoutSettings> {
        const raw = Object.fromEntries(await Promise.all(SETTING_SECTIONS.map(async section =>
            [section, await this.configuration.getConfiguration('workout', section).catch(() => undefined)] as const)));
        return readSettings(raw);
    }

    /** Calls back when the editor changes any `workout.*` setting. */
    onChange(listener: () => void): void {
        this.configuration.onConfigurationSectionUpdate(update => {
            if (update.section === 'workout') {
                listener();
            }
        });
    }
}
