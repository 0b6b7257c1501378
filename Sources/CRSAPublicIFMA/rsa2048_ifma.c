// RSA-2048 public operation (s^65537 mod n) with AVX-512 IFMA.
//
// Why: verifying a token is one RSA public operation, and it was half of `verify`'s time with
// BoringSSL's 64-bit Montgomery code. IFMA multiplies eight 52-bit limb pairs per instruction, so
// a 2048-bit number is 40 limbs in five registers and a Montgomery product is 40 steps of a few
// vector instructions. Only the public operation is here: nothing secret is computed, so nothing
// needs to run in constant time. Keys of other sizes or exponents, and CPUs without IFMA, stay on
// BoringSSL (the Swift caller decides).
//
// Numbers are little-endian arrays of 40 limbs of 52 bits. R = 2^2080 > 4n, so the "almost"
// Montgomery product of two numbers below 2n is again below 2n, and only the final result needs
// a reduction below n.

#include "rsa2048_ifma.h"

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>
#include <string.h>

enum { LIMBS = 40, BYTES = 256 };
#define MASK52 ((UINT64_C(1) << 52) - 1)

int einvoice_rsa2048_ifma_available(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 27))) return 0;  // OSXSAVE
    unsigned low, high;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    // SSE, AVX, opmask, upper halves of ZMM0-15 and ZMM16-31: all saved by the OS.
    if ((low & 0xe6) != 0xe6) return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b & (1u << 16)) && (b & (1u << 21));  // AVX512F, AVX512IFMA
}

/// 52-bit limbs of a big-endian number of 256 bytes: read as 32 little-endian 64-bit words, of
/// which limb k is bits 52k to 52k + 51.
static void limbs_from_bytes(uint64_t out[LIMBS], const uint8_t bytes[BYTES]) {
    uint64_t words[BYTES / 8 + 1];
    for (int w = 0; w < BYTES / 8; w++) {
        uint64_t word;
        memcpy(&word, bytes + BYTES - 8 * (w + 1), 8);
        words[w] = __builtin_bswap64(word);
    }
    words[BYTES / 8] = 0;
    for (int k = 0; k < LIMBS; k++) {
        int bit = 52 * k, w = bit / 64, shift = bit % 64;
        uint64_t value = words[w] >> shift;
        if (shift > 12 && w + 1 <= BYTES / 8) value |= words[w + 1] << (64 - shift);
        out[k] = value & MASK52;
    }
}

/// The 256 big-endian bytes of normalized limbs below 2^2048.
static void bytes_from_limbs(uint8_t out[BYTES], const uint64_t limbs[LIMBS]) {
    uint64_t words[BYTES / 8] = {0};
    for (int k = 0; k < LIMBS; k++) {
        int bit = 52 * k, w = bit / 64, shift = bit % 64;
        if (w < BYTES / 8) words[w] |= limbs[k] << shift;
        if (shift > 12 && w + 1 < BYTES / 8) words[w + 1] |= limbs[k] >> (64 - shift);
    }
    for (int w = 0; w < BYTES / 8; w++) {
        uint64_t word = __builtin_bswap64(words[w]);
        memcpy(out + BYTES - 8 * (w + 1), &word, 8);
    }
}

/// -1, 0 or 1 as a < b, a == b or a > b (normalized limbs).
static int compare(const uint64_t a[LIMBS], const uint64_t b[LIMBS]) {
    for (int i = LIMBS - 1; i >= 0; i--) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

/// a -= b, for a ≥ b (normalized limbs).
static void subtract(uint64_t a[LIMBS], const uint64_t b[LIMBS]) {
    uint64_t borrow = 0;
    for (int i = 0; i < LIMBS; i++) {
        uint64_t difference = a[i] - b[i] - borrow;  // wraps when negative
        borrow = difference >> 63;
        a[i] = difference & MASK52;
    }
}

/// Carries every limb's bits above 52 into the next limb.
static void normalize(uint64_t a[LIMBS]) {
    uint64_t carry = 0;
    for (int i = 0; i < LIMBS; i++) {
        uint64_t value = a[i] + carry;
        carry = value >> 52;
        a[i] = value & MASK52;
    }
}

/// r = a·b/R mod n, below 2n for a, b below 2n (normalized limbs; r may alias a or b).
///
/// Word-serial Montgomery: for each limb a_i, T = (T + a_i·b + m·n) / 2^52 with m chosen to make
/// the low limb zero. The low halves of the 104-bit products land in limb j, the high halves in
/// limb j + 1, which is limb j after the division (a shift by one lane), so they are added after
/// it. Lanes are left unnormalized (40 steps of four 52-bit terms stay below 2^60) and the result
/// is normalized at the end.
///
/// Two things keep the vector units busy rather than waiting (a public operation took about a
/// third less time with them, 8.5 -> 5.5 µs, on the machines measured). The two low lanes of T are also kept exactly in scalar registers, from products
/// taken there and lane 2 read from the vector one step early, so finding m (which needs lane 0)
/// never waits for the vector work of the step before. And T is two accumulators, p for the
/// products of a and q for those of m, so that each register takes two products a step, not four
/// in a chain.
__attribute__((target("avx512f,avx512ifma")))
static void montgomery_product(uint64_t r[LIMBS], const uint64_t a[LIMBS], const uint64_t b[LIMBS],
                               const einvoice_rsa2048_key *key) {
    const __m512i zero = _mm512_setzero_si512();
    __m512i b0 = _mm512_loadu_si512(b), b1 = _mm512_loadu_si512(b + 8), b2 = _mm512_loadu_si512(b + 16),
            b3 = _mm512_loadu_si512(b + 24), b4 = _mm512_loadu_si512(b + 32);
    __m512i n0 = _mm512_loadu_si512(key->n), n1 = _mm512_loadu_si512(key->n + 8), n2 = _mm512_loadu_si512(key->n + 16),
            n3 = _mm512_loadu_si512(key->n + 24), n4 = _mm512_loadu_si512(key->n + 32);
    // T = p + q; lane0 and lane1 are T's two low lanes, exactly.
    __m512i p0 = zero, p1 = zero, p2 = zero, p3 = zero, p4 = zero;
    __m512i q0 = zero, q1 = zero, q2 = zero, q3 = zero, q4 = zero;
    const uint64_t k0 = key->k0;
    const uint64_t nl0 = key->n[0], nl1 = key->n[1], nl2 = key->n[2];
    const uint64_t bl0 = b[0], bl1 = b[1], bl2 = b[2];
    uint64_t lane0 = 0, lane1 = 0;
    for (int i = 0; i < LIMBS; i++) {
        const uint64_t lane2 = (uint64_t)_mm_cvtsi128_si64(_mm512_extracti32x4_epi32(_mm512_add_epi64(p0, q0), 1));
        const uint64_t ai = a[i];
        const __m512i av = _mm512_set1_epi64((long long)ai);
        p0 = _mm512_madd52lo_epu64(p0, b0, av);
        p1 = _mm512_madd52lo_epu64(p1, b1, av);
        p2 = _mm512_madd52lo_epu64(p2, b2, av);
        p3 = _mm512_madd52lo_epu64(p3, b3, av);
        p4 = _mm512_madd52lo_epu64(p4, b4, av);
        const unsigned __int128 ab0 = (unsigned __int128)ai * bl0, ab1 = (unsigned __int128)ai * bl1, ab2 = (unsigned __int128)ai * bl2;
        const uint64_t low = lane0 + ((uint64_t)ab0 & MASK52);
        const uint64_t m = (low * k0) & MASK52;
        const __m512i mv = _mm512_set1_epi64((long long)m);
        q0 = _mm512_madd52lo_epu64(q0, n0, mv);
        q1 = _mm512_madd52lo_epu64(q1, n1, mv);
        q2 = _mm512_madd52lo_epu64(q2, n2, mv);
        q3 = _mm512_madd52lo_epu64(q3, n3, mv);
        q4 = _mm512_madd52lo_epu64(q4, n4, mv);
        const unsigned __int128 mn0 = (unsigned __int128)m * nl0, mn1 = (unsigned __int128)m * nl1, mn2 = (unsigned __int128)m * nl2;
        const uint64_t carry = (low + ((uint64_t)mn0 & MASK52)) >> 52;
        p0 = _mm512_alignr_epi64(p1, p0, 1);
        p1 = _mm512_alignr_epi64(p2, p1, 1);
        p2 = _mm512_alignr_epi64(p3, p2, 1);
        p3 = _mm512_alignr_epi64(p4, p3, 1);
        p4 = _mm512_alignr_epi64(zero, p4, 1);
        q0 = _mm512_alignr_epi64(q1, q0, 1);
        q1 = _mm512_alignr_epi64(q2, q1, 1);
        q2 = _mm512_alignr_epi64(q3, q2, 1);
        q3 = _mm512_alignr_epi64(q4, q3, 1);
        q4 = _mm512_alignr_epi64(zero, q4, 1);
        q0 = _mm512_mask_add_epi64(q0, 1, q0, _mm512_set1_epi64((long long)carry));
        p0 = _mm512_madd52hi_epu64(p0, b0, av);
        p1 = _mm512_madd52hi_epu64(p1, b1, av);
        p2 = _mm512_madd52hi_epu64(p2, b2, av);
        p3 = _mm512_madd52hi_epu64(p3, b3, av);
        p4 = _mm512_madd52hi_epu64(p4, b4, av);
        q0 = _mm512_madd52hi_epu64(q0, n0, mv);
        q1 = _mm512_madd52hi_epu64(q1, n1, mv);
        q2 = _mm512_madd52hi_epu64(q2, n2, mv);
        q3 = _mm512_madd52hi_epu64(q3, n3, mv);
        q4 = _mm512_madd52hi_epu64(q4, n4, mv);
        const uint64_t next0 = lane1 + ((uint64_t)ab1 & MASK52) + ((uint64_t)mn1 & MASK52)
            + (uint64_t)(ab0 >> 52) + (uint64_t)(mn0 >> 52) + carry;
        const uint64_t next1 = lane2 + ((uint64_t)ab2 & MASK52) + ((uint64_t)mn2 & MASK52)
            + (uint64_t)(ab1 >> 52) + (uint64_t)(mn1 >> 52);
        lane0 = next0;
        lane1 = next1;
    }
    _mm512_storeu_si512(r, _mm512_add_epi64(p0, q0));
    _mm512_storeu_si512(r + 8, _mm512_add_epi64(p1, q1));
    _mm512_storeu_si512(r + 16, _mm512_add_epi64(p2, q2));
    _mm512_storeu_si512(r + 24, _mm512_add_epi64(p3, q3));
    _mm512_storeu_si512(r + 32, _mm512_add_epi64(p4, q4));
    normalize(r);
}

int einvoice_rsa2048_key_init(einvoice_rsa2048_key *key, const uint8_t modulus[BYTES]) {
    if (modulus[0] < 0x80 || !(modulus[BYTES - 1] & 1)) return -1;
    limbs_from_bytes(key->n, modulus);
    // n^-1 mod 2^64 by Newton's iteration: correct to 3 bits for odd n, doubling each step.
    uint64_t n0 = key->n[0], inverse = n0;
    for (int i = 0; i < 5; i++) inverse *= 2 - n0 * inverse;
    key->k0 = (0 - inverse) & MASK52;
    // R·2^65 mod n by doubling 2^2047 (below n, whose top bit is set) 33 + 65 times, reducing each
    // time (2x < 2n fits in 40 limbs); then five Montgomery squarings, each x·x/R, double the
    // power of two beside R: 65, 130, 260, 520, 1040, 2080. R·2^2080 is R², below 2n.
    uint64_t x[LIMBS] = {0};
    x[2047 / 52] = UINT64_C(1) << (2047 % 52);
    for (int i = 0; i < 33 + 65; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < LIMBS; j++) {
            uint64_t doubled = (x[j] << 1) | carry;
            carry = doubled >> 52;
            x[j] = doubled & MASK52;
        }
        if (compare(x, key->n) >= 0) subtract(x, key->n);
    }
    for (int i = 0; i < 5; i++) montgomery_product(x, x, x, key);
    memcpy(key->rr, x, sizeof x);
    return 0;
}

int einvoice_rsa2048_public(const einvoice_rsa2048_key *key, const uint8_t signature[BYTES], uint8_t out[BYTES]) {
    uint64_t s[LIMBS], x[LIMBS];
    limbs_from_bytes(s, signature);
    if (compare(s, key->n) >= 0) return -1;
    montgomery_product(x, s, key->rr, key);         // s·R
    for (int i = 0; i < 16; i++) montgomery_product(x, x, x, key);  // s^(2^16)·R
    montgomery_product(x, x, s, key);               // s^(2^16 + 1), out of Montgomery form
    if (compare(x, key->n) >= 0) subtract(x, key->n);
    bytes_from_limbs(out, x);
    return 0;
}

#else  // Not x86-64: no IFMA, and the caller stays on BoringSSL.

int einvoice_rsa2048_ifma_available(void) { return 0; }
int einvoice_rsa2048_key_init(einvoice_rsa2048_key *key, const uint8_t modulus[256]) { (void)key; (void)modulus; return -1; }
int einvoice_rsa2048_public(const einvoice_rsa2048_key *key, const uint8_t signature[256], uint8_t out[256]) {
    (void)key; (void)signature; (void)out;
    return -1;
}

#endif
