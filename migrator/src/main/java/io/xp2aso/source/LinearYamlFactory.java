package io.xp2aso.source;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/** Jackson's YAMLFactory whose parsers read through {@link LinearStreamReader} (linear time in a token's length). */
final class LinearYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    LinearYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    private LinearYamlFactory(LinearYamlFactory src) {
        super(src, null);
    }

    @Override
    public YAMLFactory copy() {
        return new LinearYamlFactory(this);
    }

    @Override
    protected YAMLParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return parser(ctxt, _createReader(in, null, ctxt));
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
        return parser(ctxt, r);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) {
        return parser(ctxt, new CharArrayReader(data, offset, len));
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return parser(ctxt, _createReader(data, offset, len, null, ctxt));
    }

    private YAMLParser parser(IOContext ctxt, Reader r) {
        return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, r, _loaderOptions);
    }

    /** The protected constructor is the one that takes SnakeYAML's parser, built here on the linear reader. */
    static final class Parser extends YAMLParser {
        Parser(IOContext ctxt, int features, int yamlFeatures, ObjectCodec codec, Reader r, LoaderOptions options) {
            super(ctxt, features, yamlFeatures, codec, r, new ParserImpl(new LinearStreamReader(r),
                    options == null ? new LoaderOptions() : options));
        }

        /**
         * The anchor of the value at the current token, or null. getObjectId() only knows the anchors of maps and
         * lists: for a scalar YAMLParser clears it, but keeps the scalar's event.
         */
        String anchor() {
            if (_currentIsAlias) {
                return null;
            }
            if (_currentAnchor != null) {
                return _currentAnchor;
            }
            return _currToken != null && _currToken.isScalarValue() && _lastTagEvent instanceof ScalarEvent s ? s.getAnchor() : null;
        }
    }
}
