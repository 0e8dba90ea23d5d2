package org.roundtable.audit.digest;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.roundtable.audit.api.SignedDigest;
import org.roundtable.audit.api.SigningPublicKey;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.TenantId;
import org.roundtable.ledger.seal.ChainHead;
import org.roundtable.ledger.seal.Sealer;
import org.roundtable.ledger.seal.VerificationResult;
import org.roundtable.ledger.seal.Verifier;

/**
 * Signs the ledger's sealed chain head and keeps the signed digests in {@value #COLLECTION}, one document
 * per digest with the tenant that asked for it. The chain is global, so a digest asked for by one tenant
 * proves every tenant's history up to its position; each tenant lists only the digests it asked for.
 *
 * <p>A digest is signed only after the whole ledger verified: signing a chain that no longer matches the
 * stored events would bless the alteration. Listing reads the small digest collection with a sort, which
 * the embedded MongoDB does by a scan; it holds one document per digest asked for, not per event.
 */
public class DigestService {

    public static final String COLLECTION = "audit_digests";

    private final MongoCollection<Document> digests;
    private final Verifier verifier;
    private final Sealer sealer;
    private final SigningKey key;
    private final Clock clock;

    public DigestService(MongoDatabase database, Verifier verifier, Sealer sealer, SigningKey key, Clock clock) {
        this.digests = database.getCollection(COLLECTION);
        this.verifier = verifier;
        this.sealer = sealer;
        this.key = key;
        this.clock = clock;
    }

    /** Seals what can be sealed, verifies the whole ledger, and signs its head. */
    public SignedDigest create(Caller caller) {
        sealer.sealAvailable();
        VerificationResult result = verifier.verifyAll();
        if (!result.ok()) {
            throw DomainException.conflict("The ledger fails verification at position " + result.failurePosition()
                    + " (" + result.failureKind() + "); no digest was signed");
        }
        ChainHead head = verifier.head();
        if (head.position() < 1) {
            throw DomainException.conflict("The ledger holds no sealed events yet; there is nothing to sign");
        }
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String signature = Base64.getEncoder().encodeToString(
                key.sign(Signatures.digestMessage(head.position(), head.chain(), signedAt)));
        SignedDigest digest = new SignedDigest(UUID.randomUUID().toString(), head.position(), head.chain(), signedAt,
                SigningKey.ALGORITHM, signature, key.publicKeyBase64(), caller.actorId());
        digests.insertOne(new Document("_id", digest.id())
                .append("tenantId", caller.tenant())
                .append("position", digest.position())
                .append("chainHead", digest.chainHead())
                .append("signedAt", Date.from(signedAt))
                .append("algorithm", digest.algorithm())
                .append("signature", digest.signature())
                .append("publicKey", digest.publicKey())
                .append("requestedBy", digest.requestedBy()));
        return digest;
    }

    /** The tenant's digests, newest first. */
    public List<SignedDigest> list(TenantId tenant, int limit) {
        List<SignedDigest> found = new ArrayList<>();
        for (Document doc : digests.find(Filters.eq("tenantId", tenant.value()))
                .sort(Sorts.orderBy(Sorts.descending("signedAt"), Sorts.descending("position"))).limit(limit)) {
            found.add(new SignedDigest(doc.getString("_id"), ((Number) doc.get("position")).longValue(),
                    doc.getString("chainHead"), doc.getDate("signedAt").toInstant(), doc.getString("algorithm"),
                    doc.getString("signature"), doc.getString("publicKey"), doc.getString("requestedBy")));
        }
        return found;
    }

    public SigningPublicKey publicKey() {
        return new SigningPublicKey(SigningKey.ALGORITHM, key.publicKeyBase64(), key.publicKeyPem());
    }
}
