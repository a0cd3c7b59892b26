import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the ChartLens icon (a lens over a pulse line on a teal tile) and writes it in the three
 * formats jpackage wants: PNG (Linux), ICO (Windows), ICNS (macOS). Vector-drawn at every size, so
 * small sizes stay crisp. The outputs are committed; re-run only to change the design:
 *
 *   java installer/icon/DrawIcon.java installer
 */
public final class DrawIcon {
    private static final Color TILE_TOP = new Color(0x12, 0x7C, 0x8A);
    private static final Color TILE_BOTTOM = new Color(0x1D, 0x4E, 0x89);
    private static final Color PULSE = new Color(0xE8, 0x4A, 0x5F);

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "installer");
        writePng(draw(256), root.resolve("linux/ChartLens.png"));
        writePng(draw(1024), root.resolve("icon/chartlens-1024.png"));

        Map<Integer, byte[]> ico = new LinkedHashMap<>();
        for (int s : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            ico.put(s, png(draw(s)));
        }
        Files.write(root.resolve("windows/ChartLens.ico"), ico(ico));

        Map<String, byte[]> icns = new LinkedHashMap<>();
        icns.put("icp4", png(draw(16)));
        icns.put("icp5", png(draw(32)));
        icns.put("icp6", png(draw(64)));
        icns.put("ic07", png(draw(128)));
        icns.put("ic08", png(draw(256)));
        icns.put("ic09", png(draw(512)));
        icns.put("ic10", png(draw(1024)));
        Files.write(root.resolve("macos/ChartLens.icns"), icns(icns));
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 100.0, size / 100.0); // draw on a 100 x 100 canvas

        // tile with a small margin, as desktop icon themes expect
        g.setPaint(new GradientPaint(0, 4, TILE_TOP, 0, 96, TILE_BOTTOM));
        g.fill(new RoundRectangle2D.Double(4, 4, 92, 92, 22, 22));

        // lens: white disc with a ring, handle to the lower right
        double cx = 43, cy = 43, r = 26;
        float ring = 6f;
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(13f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(cx + r * 0.74, cy + r * 0.74, 80, 80));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(new Color(0xDD, 0xEE, 0xF2));
        g.setStroke(new BasicStroke(ring));
        g.draw(new Ellipse2D.Double(cx - r + ring / 2, cy - r + ring / 2, 2 * r - ring, 2 * r - ring));

        // pulse line across the lens
        Path2D pulse = new Path2D.Double();
        pulse.moveTo(cx - 17, cy + 2);
        pulse.lineTo(cx - 7, cy + 2);
        pulse.lineTo(cx - 2, cy - 11);
        pulse.lineTo(cx + 4, cy + 12);
        pulse.lineTo(cx + 8, cy + 2);
        pulse.lineTo(cx + 17, cy + 2);
        g.setColor(PULSE);
        g.setStroke(new BasicStroke(size <= 24 ? 6f : 4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(pulse);
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static void writePng(BufferedImage img, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, png(img));
    }

    /** ICO with PNG-compressed entries (supported since Windows Vista). Little-endian. */
    static byte[] ico(Map<Integer, byte[]> images) {
        int headerSize = 6 + 16 * images.size();
        int total = headerSize + images.values().stream().mapToInt(b -> b.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        int offset = headerSize;
        for (Map.Entry<Integer, byte[]> e : images.entrySet()) {
            int s = e.getKey();
            buf.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s));
            buf.put((byte) 0).put((byte) 0);
            buf.putShort((short) 1).putShort((short) 32);
            buf.putInt(e.getValue().length).putInt(offset);
            offset += e.getValue().length;
        }
        images.values().forEach(buf::put);
        return buf.array();
    }

    /** ICNS: big-endian 'icns' header, then (type, length, PNG data) entries. */
    static byte[] icns(Map<String, byte[]> images) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (Map.Entry<String, byte[]> e : images.entrySet()) {
            d.writeBytes(e.getKey());
            d.writeInt(8 + e.getValue().length);
            d.write(e.getValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.writeBytes("icns");
        o.writeInt(8 + body.size());
        o.write(body.toByteArray());
        return out.toByteArray();
    }
}
