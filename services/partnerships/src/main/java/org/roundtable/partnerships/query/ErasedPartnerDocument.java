package org.roundtable.partnerships.query;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * A participant known to be erased. Kept so a partnership the register learns of after the erasure
 * (a formation that raced with it) still shows the partner as erased.
 */
class ErasedPartnerDocument {

    @Id
    String id;
    String tenantId;
    Instant erasedAt;
}
