/// The IRP signing keys built into the tool.
///
/// Provenance, which every user must be able to see (`einvoice keys list`): NIC publishes no
/// signature-verification certificate that we could reach. Each key here was **derived from public
/// IRP tokens**: for RS256, `s^e ≡ EM(SHA-256(header.payload)) mod n`, so `n` is the GCD of
/// `s_i^65537 − EM_i` over several tokens with the same `kid`. Every public token with that kid then
/// verifies, and the production key B8D63ECB also verified two held-out production tokens. These are
/// bare keys, not NIC certificates: the kid (a SHA-1 certificate thumbprint) cannot be checked
/// against them. Source data: `Tests/Fixtures/real/keys/` (copied from the project's shared samples).
enum BuiltInKeys {
    static let provenance =
        "derived from public IRP tokens (GCD of RS256 signatures), not a NIC certificate; kid not checkable"

    static let all: [(kid: String, environment: Environment, label: String, observed: String, pem: String)] = [
        (
            kid: "444405C781E4825072B34CA4F8BDC606C86B5720",
            environment: .production,
            label: "NIC production (NIC)",
            observed: "IrnDt 2020-10-12 .. 2022-08-04 in the samples",
            pem: """
-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwc00aZOc3Uqf4Wwy+OeF
7QOduNtFqZzeo8VNcvH5Mo0Gs9kyoSwA+21MVLB3j34ioekU29USSkHcpdiNss00
YcDzjrSGRld9IIF2MKowmV+Q/lZvcm9I1/P0OyBM7gSdZt7bDNfAF2+BSrgubHjw
v5OVkYrwN8TexuqhoJAu3mSRev0yjgCS8ytldvG1LbftviEiC1h4CU1YpMwuZSja
4c2V3nZEux+uTeQAd/vEQ+66b5ohMEwUqeb2h/M+Ztyn/Wlrb6Uf8ag7lZNo9k8W
yWa97p0Ay/yP3Fvg4Om308gHdsCwBIUzQZI1wYhZYypY9LeGRMFYVGq3EIb+gOCR
5QIDAQAB
-----END PUBLIC KEY-----
"""
        ),
        (
            kid: "B8D63ECB58EA5E6F4AAC3D524543B2246669B0F8",
            environment: .production,
            label: "NIC production (NIC)",
            observed: "IrnDt 2022-11-30 .. 2024-02-19 in the samples here",
            pem: """
-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA35ECb3t4DSCq3Wo4LONh
3/jF+1k/S0MEareXFww+mm4AgymHheAWqhIGFQV6fbw2t/ZnG4TULXgYwBUCUffj
+bqYAsvo2QyF9hbieGY2SDSieToUmyh8gtJZn0MG04d0NgFjunmnM/7ROkEAOXFv
NDizO1NiKiOPbuLIOCrDvQdu48HNUR8Yg0pcMaOnBGVwasv4UIfMZXbBzjwngbwz
K8M9jhp4y6xqsmF+wmFZhVpRhIa6nRDkedgroU5IlR/ntqDAhzk/p7zu2btAzA47
HltfsGratEqFIBsj/ug+YFZh+8QOzbp2fizOo6DUdbYyJL7lxtEOdOI7ibKccnvl
nQIDAQAB
-----END PUBLIC KEY-----
"""
        ),
        (
            kid: "EDC57DE1358B300BA9F79340A6696831F3C85047",
            environment: .sandbox,
            label: "NIC sandbox (NIC)",
            observed: "IrnDt 2021-06-02 .. 2022-09-17 in the samples",
            pem: """
-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAt0ZX9z6SkBoSTgscNe9Z
X/WUK59YbszpZkVnpc0zodtQyVdeS3/KPvdVhuLkY9oKOWzc6hQGJ83ZGj9RhPuW
3lexkIdR/D+7jT1ILCVWksH85k7REJmFzrTEIjqUyfgttmSXm1Cqt4MIswVaulIL
FY3nj4bi6qcItLfCH1XkK3i9WZe9/gYNH9N1byc427Xy7JWLxWlj0OuIvK1Roj9B
JzbMF5En8FD/KWdrVS5O0yKungic44o/AVsDnEAzvH0FrjS2jD0UxvgBKEXFLFkc
xQNqkWL3lBTZrmyZKNLQRtHJiETonxYSMaTKQArxiHWgls47Z7gHNfosxoKB/r3/
JQIDAQAB
-----END PUBLIC KEY-----
"""
        ),
        (
            kid: "1513B821EE46C749A63B86E318BF711099287D1F",
            environment: .sandbox,
            label: "NIC sandbox (NIC Sandbox)",
            observed: "IrnDt 2023-07-25 .. 2023-10-03 in the samples",
            pem: """
-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA5cCudXm1KBZQ192zBGyM
pv+qWNYcqvtL6sbq7JYM4cIJcsMD1ubsHzkvuJyyFibvNU9xoRi2lGA1ZMVNwGyz
3eOR5kGAhtkJUG2rFZIpONiXCeY7w1IdUlbiOS+PZ/ANW9iU447Ohs+sOTiTHdhE
G30kNMRJ/81MS9He2dXB01ij8Aj6oIey7NUUMeO6SrSEem9DBJJgbQDw6DuiHT/Q
Ae8xrOqIAmG0Ig70wwyeOp2mCdIyTxN+ktnJss7Pesl8HxOYgIXNto278iyF8nzY
9qPvtroREZTFiwspEwB9zbqBK06+A8tJJ5OOlAmuJWq8rCuFQRKPta5iLG7NSpBq
LQIDAQAB
-----END PUBLIC KEY-----
"""
        ),
    ]
}
