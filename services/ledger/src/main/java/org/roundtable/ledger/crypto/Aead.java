package org.roundtable.ledger.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM with a random 12-byte IV prepended to the ciphertext and a 128-bit tag. */
final class Aead {

    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {
    }

    static SecretKey newKey() {
        byte[] raw = new byte[KEY_BYTES];
        RANDOM.nextBytes(raw);
        return key(raw);
    }

    static SecretKey key(byte[] raw) {
        if (raw.length != KEY_BYTES) {
            throw new LedgerCryptoException("An AES-256 key has 32 bytes, got " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    static byte[] encrypt(SecretKey key, byte[] plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new LedgerCryptoException("AES-GCM encryption failed", e);
        }
    }

    /** @throws LedgerCryptoException when the key is wrong or the ciphertext or its associated data was altered */
    static byte[] decrypt(SecretKey key, byte[] ivAndCiphertext, String associatedData) {
        if (ivAndCiphertext.length < IV_BYTES + TAG_BITS / 8) {
            throw new LedgerCryptoException("Ciphertext too short to be AES-GCM output");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ivAndCiphertext, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new LedgerCryptoException("AES-GCM decryption failed: wrong key or altered ciphertext", e);
        }
    }
}
