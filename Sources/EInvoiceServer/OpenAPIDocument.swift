/// The API description served at `/api/v1/openapi.yaml`; identical to `docs/openapi.yaml` (a test checks).
enum OpenAPIDocument {
    static let yaml = #"""
openapi: 3.0.3
info:
  title: einvoice verification desk
  version: 0.2.0
  description: >
    Offline verification of Indian GST e-invoices (IRP-signed JWS tokens). Every result object is
    exactly what `einvoice verify --json` or `einvoice scan --json` prints for one token or QR.
    Uploads are processed in memory and not stored; the ledger keeps each check's signed values and verdict.
servers:
  - url: http://127.0.0.1:8080
paths:
  /api/v1/verify:
    post:
      summary: Verify pasted tokens or IRP responses
      description: The body is a compact JWS (one per line), an IRP/GSP response in any shape `verify` reads, or JSON Lines of those.
      requestBody:
        required: true
        content:
          text/plain: { schema: { type: string } }
          application/json: { schema: { type: object } }
      responses:
        "200": { description: One result per token, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Result" } } } } }
        "400": { $ref: "#/components/responses/Error" }
        "413": { $ref: "#/components/responses/Error" }
        "503": { $ref: "#/components/responses/Error" }
  /api/v1/scan:
    post:
      summary: Scan a PDF or image for e-invoice QR codes
      description: >
        The body is the file itself. Content-Type application/pdf, image/png, image/jpeg, image/tiff or
        application/octet-stream; it must match the file's bytes. `?thumbnails=1` wraps the results as
        `{results, thumbnails}` with PNG data URLs of the pages.
      parameters:
        - { name: thumbnails, in: query, required: false, schema: { type: string, enum: ["1"] } }
        - { name: X-File-Name, in: header, required: false, schema: { type: string } }
      requestBody:
        required: true
        content:
          application/pdf: { schema: { type: string, format: binary } }
          image/png: { schema: { type: string, format: binary } }
          image/jpeg: { schema: { type: string, format: binary } }
          image/tiff: { schema: { type: string, format: binary } }
          application/octet-stream: { schema: { type: string, format: binary } }
      responses:
        "200": { description: One result per QR found (or per page without one), content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Result" } } } } }
        "400": { $ref: "#/components/responses/Error" }
        "413": { $ref: "#/components/responses/Error" }
        "415": { $ref: "#/components/responses/Error" }
        "422": { $ref: "#/components/responses/Error" }
        "503": { $ref: "#/components/responses/Error" }
  /api/v1/render:
    post:
      summary: Render an IRP response as a print-ready PDF
      description: >
        The body is one IRP response (any shape `render` reads) with SignedInvoice and SignedQRCode. It is
        verified first, as by `einvoice render`; an invoice whose signature does not hold is refused (422).
        Sandbox tokens print marked SANDBOX. The PDF's creation date is the Ack Date.
      parameters:
        - { name: template, in: query, required: false, description: "A template name from the desk's Templates/ folder (default standard).", schema: { type: string } }
        - { name: copies, in: query, required: false, description: "Comma-separated copies, e.g. original,duplicate,triplicate (default: the template's).", schema: { type: string } }
        - { name: archive, in: query, required: false, description: "1 for PDF/A-3b with the tokens embedded.", schema: { type: string, enum: ["1"] } }
      requestBody:
        required: true
        content:
          application/json: { schema: { type: object } }
      responses:
        "200":
          description: The PDF
          headers:
            X-Pages: { schema: { type: integer } }
            X-IRN: { schema: { type: string } }
          content: { application/pdf: { schema: { type: string, format: binary } } }
        "400": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
        "413": { $ref: "#/components/responses/Error" }
        "422": { $ref: "#/components/responses/Error" }
        "503": { $ref: "#/components/responses/Error" }
  /api/v1/ledger:
    get:
      summary: Checks recorded in the desk's ledger, newest first
      parameters: &ledgerFilters
        - { name: from, in: query, required: false, description: "first UTC day (yyyy-mm-dd) or ISO 8601 time", schema: { type: string } }
        - { name: to, in: query, required: false, description: "last UTC day, inclusive, or ISO 8601 time", schema: { type: string } }
        - { name: supplier, in: query, required: false, schema: { type: string } }
        - { name: verdict, in: query, required: false, schema: { type: string, enum: [valid, sandbox, invalid, untrusted] } }
        - { name: limit, in: query, required: false, description: "at most this many (0 or absent: all)", schema: { type: integer } }
      responses:
        "200": { description: The checks, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Check" } } } } }
        "400": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
  /api/v1/ledger.csv:
    get:
      summary: The same checks as CSV (oldest first), as a download
      parameters: *ledgerFilters
      responses:
        "200": { description: RFC 4180 CSV with a header row, content: { text/csv: { schema: { type: string } } } }
        "400": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
components:
  responses:
    Error:
      description: The request could not be processed
      content: { application/json: { schema: { type: object, properties: { error: { type: string } }, required: [error] } } }
  schemas:
    Result:
      type: object
      required: [input, verdict, environment, warnings, errors, cancelled, notes]
      properties:
        input: { type: string }
        verdict: { type: string, description: "valid, sandbox (genuine sandbox signature: a test document), invalid, untrusted, malformed, irp-error; scan also: no-qr, not-an-e-invoice-qr, unreadable, not-read (pages not read: the check is incomplete)" }
        environment: { type: string, enum: [production, sandbox, unknown] }
        kind: { type: string, enum: [SignedQRCode, SignedInvoice, unknown] }
        kid: { type: string }
        issuer: { type: string }
        algorithm: { type: string }
        key: { type: string }
        irn: { type: string }
        irnMatches: { type: boolean }
        irnMatchedAs: { type: string }
        irnDate: { type: string }
        docType: { type: string }
        docNo: { type: string }
        docDate: { type: string }
        sellerGstin: { type: string }
        buyerGstin: { type: string }
        totalInvoiceValue: { type: string, description: exact decimal from the token }
        itemCount: { type: integer }
        mainHsnCode: { type: string }
        ackNo: { type: string }
        ackDate: { type: string }
        status: { type: string }
        cancelled: { type: boolean }
        page: { type: integer }
        qrKind: { type: string, enum: [irp-signed-qr, upi-payment, other, embedded-token] }
        position:
          type: object
          properties: { x: { type: integer }, y: { type: integer }, width: { type: integer }, height: { type: integer }, pageWidth: { type: integer }, pageHeight: { type: integer } }
        printedMatches: { type: array, items: { type: string } }
        printedMismatches: { type: array, items: { type: string } }
        upi: { type: object }
        warnings: { type: array, items: { type: string } }
        errors: { type: array, items: { type: string } }
        failures:
          type: array
          description: the errors with stable codes (malformed-token, bad-signature, unknown-key, sandbox-refused, irn-mismatch, printed-differs, no-e-invoice-qr, …)
          items: { type: object, properties: { code: { type: string }, message: { type: string }, field: { type: string }, printed: { type: string } }, required: [code, message] }
        notes: { type: array, items: { type: string } }
        ledger:
          type: object
          description: present when the desk keeps a ledger and the result carries a signed invoice
          properties:
            recorded: { type: boolean }
            error: { type: string }
            findings:
              type: array
              items:
                type: object
                properties:
                  kind: { type: string, enum: [already-received, same-document-other-irn, same-document-other-total] }
                  message: { type: string }
                  earlierIrn: { type: string }
                  earlierCheckedAt: { type: string }
                  earlierFile: { type: string }
                  earlierVerdict: { type: string }
                  earlierTotal: { type: string }
                  count: { type: integer }
    Check:
      type: object
      required: [id, checkedAt, irn, verdict, environment]
      properties:
        id: { type: integer }
        checkedAt: { type: string, description: "UTC, ISO 8601 with milliseconds" }
        irn: { type: string }
        supplierGstin: { type: string }
        buyerGstin: { type: string }
        documentType: { type: string }
        documentNumber: { type: string }
        documentDate: { type: string }
        total: { type: string, description: exact decimal from the token }
        verdict: { type: string }
        environment: { type: string }
        ackNo: { type: string }
        ackDate: { type: string }
        fileName: { type: string }
        fileSHA256: { type: string }

"""#
}
