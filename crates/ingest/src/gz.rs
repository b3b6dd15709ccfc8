//! Gzip: any format may be compressed (`news.jsonl.gz`, `page.html.gz`);
//! concatenated gzip members are read as one stream.

use std::io::Read;

use flate2::read::MultiGzDecoder;

/// Wraps a compressed reader in a streaming decompressor.
pub(crate) fn decode(reader: Box<dyn Read + Send>) -> Box<dyn Read + Send> {
    Box::new(MultiGzDecoder::new(reader))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::write::GzEncoder;
    use flate2::Compression;

    use super::*;

    #[test]
    fn reads_concatenated_members() {
        let mut bytes = Vec::new();
        for part in ["first line\n", "second line\n"] {
            let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
            encoder.write_all(part.as_bytes()).unwrap();
            bytes.extend(encoder.finish().unwrap());
        }
        let mut text = String::new();
        decode(Box::new(std::io::Cursor::new(bytes)))
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "first line\nsecond line\n");
    }
}
