package io.xp2aso.compose;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ("1Gi", "500m", "1.5e3") and its AsApproximateFloat64 value: the decimal
 * mantissa times a power of ten computed the way Go's math.Pow10 does, so results match bit for bit in practice.
 */
record Quantity(BigDecimal value) {
    private static final Pattern SYNTAX = Pattern.compile("([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)");

    static Quantity parse(String s) {
        Matcher m = SYNTAX.matcher(s.trim().equals(s) ? s : "\u0000");
        if (s.isEmpty() || !m.matches()) {
            throw new TransformException("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        }
        String num = m.group(1);
        String suffix = m.group(2);
        if (num.chars().filter(c -> c == '.').count() > 1 || num.equals(".") || num.endsWith("+") || num.endsWith("-")) {
            throw new TransformException("unable to parse quantity's suffix");
        }
        BigDecimal mantissa;
        try {
            mantissa = new BigDecimal(num.startsWith("+") ? num.substring(1) : num);
        } catch (NumberFormatException e) {
            throw new TransformException("unable to parse quantity's suffix");
        }
        BigDecimal factor = switch (suffix) {
            case "" -> BigDecimal.ONE;
            case "Ki" -> BigDecimal.valueOf(1L << 10);
            case "Mi" -> BigDecimal.valueOf(1L << 20);
            case "Gi" -> BigDecimal.valueOf(1L << 30);
            case "Ti" -> BigDecimal.valueOf(1L << 40);
            case "Pi" -> BigDecimal.valueOf(1L << 50);
            case "Ei" -> BigDecimal.valueOf(1L << 60);
            case "n" -> BigDecimal.ONE.scaleByPowerOfTen(-9);
            case "u" -> BigDecimal.ONE.scaleByPowerOfTen(-6);
            case "m" -> BigDecimal.ONE.scaleByPowerOfTen(-3);
            case "k" -> BigDecimal.ONE.scaleByPowerOfTen(3);
            case "M" -> BigDecimal.ONE.scaleByPowerOfTen(6);
            case "G" -> BigDecimal.ONE.scaleByPowerOfTen(9);
            case "T" -> BigDecimal.ONE.scaleByPowerOfTen(12);
            case "P" -> BigDecimal.ONE.scaleByPowerOfTen(15);
            case "E" -> BigDecimal.ONE.scaleByPowerOfTen(18);
            default -> exponent(suffix);
        };
        return new Quantity(mantissa.multiply(factor));
    }

    private static BigDecimal exponent(String suffix) {
        if (suffix.length() >= 2 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            String digits = suffix.substring(1);
            if (digits.matches("[+-]?[0-9]+")) {
                try {
                    return BigDecimal.ONE.scaleByPowerOfTen(Integer.parseInt(digits.startsWith("+") ? digits.substring(1) : digits));
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new TransformException("quantity exponent out of range");
                }
            }
        }
        throw new TransformException("unable to parse quantity's suffix");
    }

    double approximateFloat64() {
        BigDecimal v = value;
        if (v.scale() <= 0) {
            return v.toBigInteger().doubleValue();
        }
        double base = v.unscaledValue().doubleValue();
        return base * pow10(-v.scale());
    }

    /** Go's math.Pow10: products/quotients of exactly representable table entries. */
    static double pow10(int n) {
        if (n >= 0 && n <= 308) {
            return Double.parseDouble("1e" + (n / 32 * 32)) * Double.parseDouble("1e" + (n % 32));
        }
        if (n < 0 && n >= -323) {
            return Double.parseDouble("1e-" + (-n / 32 * 32)) / Double.parseDouble("1e" + (-n % 32));
        }
        return n > 0 ? Double.POSITIVE_INFINITY : 0;
    }
}
