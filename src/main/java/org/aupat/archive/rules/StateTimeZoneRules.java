package org.aupat.archive.rules;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aupat.foundation.validation.StateCodes;

/**
 * state_time_zones.json: the time zone of each location state, used only when a photo or video gives
 * no UTC offset of its own. Every state code AUPAT accepts must have a zone, so no location is left
 * out silently; a state split between zones has the one most of it uses (the file's split_states).
 */
public record StateTimeZoneRules(Map<String, ZoneId> zonesByState) {

    /** The zone of a location's state code, null when there is none (a state the table does not know). */
    public ZoneId zone(String state) {
        return state == null ? null : zonesByState.get(state.toLowerCase(java.util.Locale.ROOT));
    }

    static StateTimeZoneRules from(RuleFile file) {
        var zones = file.object("zones");
        Map<String, ZoneId> out = new LinkedHashMap<>();
        zones.fields().forEachRemaining(e -> {
            String field = "zones." + e.getKey();
            if (!StateCodes.codes().contains(e.getKey())) {
                throw file.wrong(field, "'" + e.getKey() + "' is no state code; use the lowercase codes such as ny, pa, dc");
            }
            String name = file.text(e.getValue(), field);
            try {
                out.put(e.getKey(), ZoneId.of(name));
            } catch (DateTimeException bad) {
                throw file.wrong(field, "'" + name + "' is no time zone; use an IANA name such as America/New_York");
            }
        });
        for (String code : StateCodes.codes()) {
            if (!out.containsKey(code)) {
                throw file.wrong("zones", "has no zone for the state '" + code + "'");
            }
        }
        return new StateTimeZoneRules(Map.copyOf(out));
    }
}
