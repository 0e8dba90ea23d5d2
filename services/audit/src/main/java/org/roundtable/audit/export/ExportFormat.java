package org.roundtable.audit.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.roundtable.ledger.seal.ChainHashing;

/**
 * The export file, NDJSON in UTF-8, one JSON object per line:
 *
 * <pre>
 * {"line":1,"prev":"&lt;hex sha256 of the previous line, 64 zeros for line 1&gt;",
 *  "commit":{...the stored commit document, MongoDB canonical extended JSON...},
 *  "seal":{"eventHashes":[...],"chainBefore":"&lt;hex&gt;","chain":"&lt;hex&gt;"}}
 * ...
 * {"trailer":{"format":"roundtable-export-v1","tenantId":..,"commits":..,"events":..,"throughPosition":..,
 *  "chainHead":..,"exportedAt":..,"sha256":..,"lastLineSha256":..,"algorithm":"Ed25519","publicKey":..,"signature":..}}
 * </pre>
 *
 * The commit is written in canonical extended JSON so its stored types (64-bit positions, dates) come back
 * exactly and every event's hash can be recomputed with {@code ChainHashing}. {@code prev} chains the lines,
 * so a changed line is named by the line after it; {@code sha256} is over every commit line's bytes each
 * followed by {@code \n}; the signature covers the trailer's fields (see {@code Signatures}).
 */
public final class ExportFormat {

    public static final String MEDIA_TYPE = "application/x-ndjson";
    public static final String LINE = "line";
    public static final String PREV = "prev";
    public static final String COMMIT = "commit";
    public static final String SEAL = "seal";
    public static final String EVENT_HASHES = "eventHashes";
    public static final String CHAIN_BEFORE = "chainBefore";
    public static final String CHAIN = "chain";
    public static final String TRAILER = "trailer";
    public static final String ZERO_HASH = ChainHashing.genesisHex();

    static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private ExportFormat() {
    }

    static byte[] utf8(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }
}
