package org.roundtable.ledger.seal;

import static org.roundtable.ledger.store.LedgerSchema.AGGREGATE_ID;
import static org.roundtable.ledger.store.LedgerSchema.AGGREGATE_TYPE;
import static org.roundtable.ledger.store.LedgerSchema.EVENT_ID;
import static org.roundtable.ledger.store.LedgerSchema.METADATA;
import static org.roundtable.ledger.store.LedgerSchema.PAYLOAD;
import static org.roundtable.ledger.store.LedgerSchema.PAYLOAD_REVISION;
import static org.roundtable.ledger.store.LedgerSchema.PAYLOAD_TYPE;
import static org.roundtable.ledger.store.LedgerSchema.POSITION;
import static org.roundtable.ledger.store.LedgerSchema.SEQUENCE;
import static org.roundtable.ledger.store.LedgerSchema.TENANT;
import static org.roundtable.ledger.store.LedgerSchema.TIMESTAMP;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;

/**
 * The hash chain's arithmetic. An event's canonical bytes are the UTF-8 of its stored fields
 * {@code p, id, type, rev, agg, aggType, seq, ts, tenantId, meta, payload} joined by U+001F (a missing
 * or null field is empty); its hash is their SHA-256. The chain starts at 32 zero bytes and takes in
 * one event at a time: {@code chain_i = SHA-256(chain_{i-1} || eventHash_i)}. Gaps do not change it.
 * It covers the stored (encrypted) bytes, so erasing a person's key never breaks it.
 */
public final class ChainHashing {

    public static final int HASH_BYTES = 32;
    private static final List<String> FIELDS = List.of(POSITION, EVENT_ID, PAYLOAD_TYPE, PAYLOAD_REVISION,
            AGGREGATE_ID, AGGREGATE_TYPE, SEQUENCE, TIMESTAMP, TENANT, METADATA, PAYLOAD);
    private static final char SEPARATOR = '\u001f';
    private static final HexFormat HEX = HexFormat.of();

    private ChainHashing() {
    }

    public static byte[] genesis() {
        return new byte[HASH_BYTES];
    }

    public static String genesisHex() {
        return HEX.formatHex(genesis());
    }

    public static byte[] canonical(Document event) {
        StringBuilder text = new StringBuilder(256);
        for (int i = 0; i < FIELDS.size(); i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            text.append(asText(event.get(FIELDS.get(i))));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] eventHash(Document event) {
        return sha256().digest(canonical(event));
    }

    public static byte[] chain(byte[] previous, byte[] eventHash) {
        MessageDigest digest = sha256();
        digest.update(previous);
        digest.update(eventHash);
        return digest.digest();
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    private static String asText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
            return Long.toString(number.longValue());
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof Document document) {
            return document.toJson();
        }
        return value.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }
}
