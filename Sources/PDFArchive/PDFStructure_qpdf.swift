internal import CQPDF
public import Foundation

/// What drawing a PDF's pages would cost, measured from its object graph with libqpdf before
/// any page is drawn: the pixel size of every image a page can reach, and how deeply its form
/// XObjects nest.
///
/// poppler decodes an embedded image at its full size (a 20 000² image is 1.6 GB) and draws a
/// form as often as it is called (forms calling four forms, 40 levels deep, never finish), so
/// both are measured here first. Each form is visited once (memoised by object number), so a
/// fan-out costs as many steps as it has objects, not calls.
public struct PDFStructure: Sendable {
    public struct ImageSize: Sendable, Hashable {
        public var width: Int
        public var height: Int
        public var pixels: Int { width * height }
    }

    public struct Page: Sendable {
        /// Images the page's resources reach, directly or through forms; each image once.
        public var images: [ImageSize]
        /// The deepest chain of form XObjects (0 when the page uses none; `Int.max` for a cycle).
        public var formDepth: Int
    }

    public var pages: [Page]

    /// Measures the first `pageLimit` pages; `nil` when qpdf cannot read the file's structure,
    /// an error when qpdf itself cannot be loaded (the file must not go unmeasured unnoticed).
    public static func measure(_ data: Data, pageLimit: Int) throws(ArchiveError) -> PDFStructure? {
        let api = try QPDFLibrary.load()
        guard let q = api.qpdf_init() else { return nil }
        defer {
            var handle: qpdf_data? = q
            api.qpdf_cleanup(&handle)
        }
        api.qpdf_silence_errors(q)
        api.qpdf_set_suppress_warnings(q, QPDF_TRUE)
        let read = data.withUnsafeBytes { bytes in
            api.qpdf_read_memory(q, "input.pdf", bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt64(bytes.count), nil)
        }
        guard read & QPDF_ERRORS == 0, api.qpdf_push_inherited_attributes_to_page(q) & QPDF_ERRORS == 0 else { return nil }
        let count = api.qpdf_get_num_pages(q)
        guard count >= 0, api.qpdf_has_error(q) == QPDF_FALSE else { return nil }
        var walker = Walker(api: api, q: q)
        let pages = (0..<min(Int(count), pageLimit)).map { index in
            let page = api.qpdf_get_page_n(q, index)
            let found = walker.resources(api.qpdf_oh_get_key(q, page, "/Resources"), depth: 0)
            return Page(images: found.images.map { walker.sizes[$0] ?? ImageSize(width: 0, height: 0) }
                            .sorted { ($0.width, $0.height) < ($1.width, $1.height) },
                        formDepth: found.depth)
        }
        return PDFStructure(pages: pages)
    }

    /// Walks XObject resources; results per form are memoised by object number.
    private struct Walker {
        struct Found {
            var images: Set<Int> = []
            var depth = 0
        }

        let api: einv_qpdf
        let q: qpdf_data
        var forms: [Int: Found] = [:]
        var inProgress: Set<Int> = []
        var sizes: [Int: ImageSize] = [:]
        /// Deeper chains are reported as this deep without being followed further (no deep recursion).
        let depthCap = 64

        mutating func resources(_ resources: qpdf_oh, depth: Int) -> Found {
            var found = Found()
            guard api.qpdf_oh_is_dictionary(q, resources) == QPDF_TRUE else { return found }
            let xobjects = api.qpdf_oh_get_key(q, resources, "/XObject")
            guard api.qpdf_oh_is_dictionary(q, xobjects) == QPDF_TRUE else { return found }
            for key in keys(xobjects) {
                let object = api.qpdf_oh_get_key(q, xobjects, key)
                guard api.qpdf_oh_is_stream(q, object) == QPDF_TRUE else { continue }
                let id = Int(api.qpdf_oh_get_object_id(q, object))
                let dictionary = api.qpdf_oh_get_dict(q, object)
                let subtype = api.qpdf_oh_get_key(q, dictionary, "/Subtype")
                if api.qpdf_oh_is_name_and_equals(q, subtype, "/Image") == QPDF_TRUE {
                    sizes[id] = ImageSize(width: integer(dictionary, "/Width"), height: integer(dictionary, "/Height"))
                    found.images.insert(id)
                } else if api.qpdf_oh_is_name_and_equals(q, subtype, "/Form") == QPDF_TRUE {
                    let form = self.form(object, id: id, depth: depth + 1)
                    found.images.formUnion(form.images)
                    found.depth = max(found.depth, form.depth == Int.max ? Int.max : form.depth + 1)
                }
            }
            return found
        }

        private mutating func form(_ object: qpdf_oh, id: Int, depth: Int) -> Found {
            if let known = forms[id] { return known }
            if inProgress.contains(id) { return Found(depth: Int.max) }  // a form that draws itself
            if depth > depthCap { return Found(depth: depthCap) }
            inProgress.insert(id)
            let found = resources(api.qpdf_oh_get_key(q, api.qpdf_oh_get_dict(q, object), "/Resources"), depth: depth)
            inProgress.remove(id)
            forms[id] = found
            return found
        }

        private func integer(_ dictionary: qpdf_oh, _ key: String) -> Int {
            let value = api.qpdf_oh_get_key(q, dictionary, key)
            return api.qpdf_oh_is_integer(q, value) == QPDF_TRUE ? Int(api.qpdf_oh_get_int_value(q, value)) : 0
        }

        /// A dictionary's keys, copied out (qpdf's C key iterator is one per `qpdf_data`).
        private func keys(_ dictionary: qpdf_oh) -> [String] {
            var keys: [String] = []
            api.qpdf_oh_begin_dict_key_iter(q, dictionary)
            while api.qpdf_oh_dict_more_keys(q) == QPDF_TRUE, let key = api.qpdf_oh_dict_next_key(q) { keys.append(String(cString: key)) }
            return keys
        }
    }
}

