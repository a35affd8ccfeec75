package io.keyshard.payload.bitcoin;

import java.util.List;

/** What PSBT inputs and outputs share: their map and the version of the PSBT they belong to. */
abstract class PsbtSection {
    final PsbtMap map;
    final int version;

    PsbtSection(PsbtMap map, int version) {
        this.map = map;
        this.version = version;
    }

    PsbtMap map() {
        return map;
    }

    /** The raw records, in order. */
    public List<PsbtMap.Field> fields() {
        return map.fields();
    }
}
