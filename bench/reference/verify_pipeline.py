#!/usr/bin/env python3
"""Reference for bench/verify: the work of `einvoice verify --json` per token, in plain Python.

Reads compact JWS tokens, one per line, and for each: splits it, decodes the header (JSON), picks
the RS256 key by kid, verifies the signature with `cryptography` (OpenSSL), decodes the payload and
its `data` JSON, recomputes the IRN (SHA-256 of seller GSTIN + FY + type + number) and writes one
JSON line. Usage: verify_pipeline.py KEYS_DIR TOKENS_FILE > out.jsonl
"""
import base64
import hashlib
import json
import pathlib
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding


def b64url(segment):
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def load_keys(directory):
    keys = {}
    for pem in pathlib.Path(directory).glob("*.pem"):
        kid = pem.stem.rsplit("_", 1)[-1].upper()
        keys[kid] = serialization.load_pem_public_key(pem.read_bytes())
    return keys


def financial_year(doc_date):
    day, month, year = (int(part) for part in doc_date.split("/"))
    start = year if month >= 4 else year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def verify(token, keys):
    header_b64, payload_b64, signature_b64 = token.split(".")
    header = json.loads(b64url(header_b64))
    kid = header.get("kid", "").upper()
    key = next((value for name, value in keys.items() if kid.startswith(name)), None)
    verdict = "untrusted"
    if key is not None and header.get("alg") == "RS256":
        try:
            key.verify(b64url(signature_b64), f"{header_b64}.{payload_b64}".encode(),
                       padding.PKCS1v15(), hashes.SHA256())
            verdict = "valid"
        except InvalidSignature:
            verdict = "invalid"
    payload = json.loads(b64url(payload_b64))
    data = json.loads(payload["data"])
    fy = financial_year(data["DocDt"])
    irn = hashlib.sha256((data["SellerGstin"] + fy + data["DocTyp"] + data["DocNo"]).encode()).hexdigest()
    return {
        "input": token[:16], "verdict": verdict, "kid": kid, "issuer": payload.get("iss"),
        "irn": data.get("Irn"), "irnMatches": irn == data.get("Irn", "").lower(),
        "docType": data.get("DocTyp"), "docNo": data.get("DocNo"), "docDate": data.get("DocDt"),
        "sellerGstin": data.get("SellerGstin"), "buyerGstin": data.get("BuyerGstin"),
        "totalInvoiceValue": str(data.get("TotInvVal")), "itemCount": data.get("ItemCnt"),
        "mainHsnCode": data.get("MainHsnCode"), "irnDate": data.get("IrnDt"),
    }


def main():
    keys = load_keys(sys.argv[1])
    out = sys.stdout
    with open(sys.argv[2]) as tokens:
        for line in tokens:
            line = line.strip()
            if line:
                out.write(json.dumps(verify(line, keys), sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
