#ifndef EINVOICE_RSA2048_IFMA_H
#define EINVOICE_RSA2048_IFMA_H

#include <stdint.h>

/// A 2048-bit RSA public key with exponent 65537, prepared for `einvoice_rsa2048_public`: the
/// modulus in 40 limbs of 52 bits (least significant first), R² mod n for R = 2^2080, and
/// k0 = -n^-1 mod 2^52.
typedef struct {
    uint64_t n[40];
    uint64_t rr[40];
    uint64_t k0;
} einvoice_rsa2048_key;

/// Whether this CPU and OS run AVX-512 IFMA code (CPUID and the OS's saved register state).
int einvoice_rsa2048_ifma_available(void);

/// Prepares `key` from the big-endian modulus: exactly 256 bytes, the top bit set, odd. Needs
/// `einvoice_rsa2048_ifma_available()`.
/// Returns 0, or -1 for a modulus of another size or an even one.
int einvoice_rsa2048_key_init(einvoice_rsa2048_key *key, const uint8_t modulus[256]);

/// `out` = `signature`^65537 mod n, big-endian in 256 bytes. Returns 0, or -1 when the signature
/// (big-endian, 256 bytes) is not less than n. Needs `einvoice_rsa2048_ifma_available()`.
int einvoice_rsa2048_public(const einvoice_rsa2048_key *key, const uint8_t signature[256], uint8_t out[256]);

#endif
