//! The recap's chart: answers per day with the share right, and accuracy
//! per category, drawn with plotters. One drawing function serves both
//! outputs: a PNG for chat (DejaVu Sans is embedded, so no system font is
//! needed; Japanese is drawn in a subset of Noto Sans CJK JP, embedded too,
//! see `assets/fonts/`) and an SVG for the web page. The image is tall rather than wide,
//! with large type, so it stays readable on a phone.

use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;

/// Pixels: portrait, so a phone shows it at full width.
pub const WIDTH: u32 = 960;
pub const HEIGHT: u32 = 1200;

/// The light bar: every answer of a day.
pub const ANSWERED: RGBColor = RGBColor(158, 202, 225);
/// The dark bar: the right ones (contrast 7.6:1 on white).
pub const RIGHT: RGBColor = RGBColor(8, 81, 156);
const INK: RGBColor = RGBColor(33, 33, 33);

/// One bar pair: a day or a category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub answered: u32,
    pub right: u32,
}

/// Everything the chart shows; the words come from the core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekChart {
    /// The font family its words are drawn in ([`family`]).
    pub family: &'static str,
    pub title: String,
    /// Monday to Sunday.
    pub days: Vec<Bar>,
    pub categories: Vec<Bar>,
    pub labels: Labels,
}

/// The chart's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    pub per_day: String,
    pub answers_axis: String,
    pub answered: String,
    pub right: String,
    pub per_category: String,
    pub percent_axis: String,
    pub nothing: String,
}

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
#[error("cannot draw the chart: {0}")]
pub struct ChartError(String);

/// The family of DejaVu Sans, which draws every language we speak but Japanese.
pub const LATIN: &str = "sans-serif";
/// The family of the Japanese subset (one weight: bold is drawn regular).
pub const JAPANESE: &str = "Quizmaster Chart JP";
/// The Japanese subset's bytes (`assets/fonts/subset-ja.py` makes it).
pub const JAPANESE_FONT: &[u8] = include_bytes!("../assets/fonts/QuizmasterChartJP-Regular.otf");

/// The family a chart in `lang` is drawn in.
pub fn family(lang: crate::i18n::Lang) -> &'static str {
    if lang == crate::i18n::Lang::Ja { JAPANESE } else { LATIN }
}

fn fonts() {
    static FONTS: Once = Once::new();
    FONTS.call_once(|| {
        let faces = [
            (LATIN, FontStyle::Normal, dejavu::sans::regular()),
            (LATIN, FontStyle::Bold, dejavu::sans::bold()),
            (JAPANESE, FontStyle::Normal, JAPANESE_FONT),
            (JAPANESE, FontStyle::Bold, JAPANESE_FONT),
        ];
        for (family, style, bytes) in faces {
            if plotters::style::register_font(family, style, bytes).is_err() {
                tracing::error!(family, "an embedded font did not load");
            }
        }
    });
}

/// The chart as a PNG file's bytes.
pub fn png(chart: &WeekChart) -> Result<Vec<u8>, ChartError> {
    fonts();
    let mut pixels = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&root, chart)?;
        root.present().map_err(|e| ChartError(e.to_string()))?;
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| ChartError(e.to_string()))?;
    writer.write_image_data(&pixels).map_err(|e| ChartError(e.to_string()))?;
    writer.finish().map_err(|e| ChartError(e.to_string()))?;
    Ok(out)
}

/// The chart as an SVG document, for inlining in a page.
pub fn svg(chart: &WeekChart) -> Result<String, ChartError> {
    fonts();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&root, chart)?;
        root.present().map_err(|e| ChartError(e.to_string()))?;
    }
    Ok(out)
}

/// Where the day bars stand in the image, for checking a rendering: the
/// x pixel of each day's centre and the y pixel just above the axis.
pub fn day_bar_pixels(chart: &WeekChart) -> Result<(Vec<i32>, i32), ChartError> {
    fonts();
    let mut pixels = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    let root = BitMapBackend::with_buffer(&mut pixels, (WIDTH, HEIGHT)).into_drawing_area();
    let (top, _) = layout(&root, chart).map_err(|e| ChartError(e.to_string()))?;
    let days = day_axes(&top, chart).map_err(|e| ChartError(e.to_string()))?;
    let xs = (0..chart.days.len()).map(|i| days.backend_coord(&(i as f64, 0)).0).collect();
    Ok((xs, days.backend_coord(&(0.0, 0)).1 - 3))
}

type Areas<DB> = (DrawingArea<DB, Shift>, DrawingArea<DB, Shift>);
type DayAxes<'a, DB> =
    ChartContext<'a, DB, Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordu32>>;

fn layout<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &WeekChart,
) -> Result<Areas<DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let titled = root.titled(&chart.title, (chart.family, 36).into_font().style(FontStyle::Bold).color(&INK))?;
    Ok(titled.split_vertically(560))
}

fn day_axes<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    chart: &WeekChart,
) -> Result<DayAxes<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let most = chart.days.iter().map(|d| d.answered).max().unwrap_or(0);
    // Headroom for the legend above the tallest bar.
    let top = (most + most / 3).max(4);
    ChartBuilder::on(area)
        .caption(&chart.labels.per_day, (chart.family, 34).into_font().color(&INK))
        .margin(24)
        .x_label_area_size(56)
        .y_label_area_size(90)
        .build_cartesian_2d(-0.5f64..(chart.days.len() as f64 - 0.5), 0u32..top)
}

fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, chart: &WeekChart) -> Result<(), ChartError> {
    draw_inner(root, chart).map_err(|e| ChartError(e.to_string()))
}

fn draw_inner<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &WeekChart,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let (top, bottom) = layout(root, chart)?;
    let text = |size: i32| (chart.family, size).into_font().color(&INK);

    let mut days = day_axes(&top, chart)?;
    let day_label = |x: &f64| label_at(&chart.days, *x);
    days.configure_mesh()
        .disable_x_mesh()
        .x_labels(chart.days.len())
        .x_label_formatter(&day_label)
        .y_desc(&chart.labels.answers_axis)
        .label_style(text(26))
        .axis_desc_style(text(26))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    let bar = |i: usize, value: u32, color: RGBColor| {
        let x = i as f64;
        Rectangle::new([(x - 0.36, 0), (x + 0.36, value)], color.filled())
    };
    days.draw_series(chart.days.iter().enumerate().map(|(i, d)| bar(i, d.answered, ANSWERED)))?
        .label(&chart.labels.answered)
        .legend(|(x, y)| Rectangle::new([(x, y - 10), (x + 24, y + 10)], ANSWERED.filled()));
    days.draw_series(chart.days.iter().enumerate().map(|(i, d)| bar(i, d.right, RIGHT)))?
        .label(&chart.labels.right)
        .legend(|(x, y)| Rectangle::new([(x, y - 10), (x + 24, y + 10)], RIGHT.filled()));
    days.configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.9))
        .border_style(INK)
        .label_font(text(26))
        .draw()?;

    let n = chart.categories.len().max(1);
    // Room for at least four rows, so one category is not one huge bar.
    let rows = n.max(4);
    let mut cats = ChartBuilder::on(&bottom)
        .caption(&chart.labels.per_category, text(34))
        .margin(24)
        .x_label_area_size(56)
        .y_label_area_size(230)
        .build_cartesian_2d(0f64..100f64, (rows as f64 - 0.5)..-0.5f64)?;
    let category_label = |y: &f64| label_at(&chart.categories, *y);
    cats.configure_mesh()
        .disable_y_mesh()
        .y_labels(rows)
        .y_label_formatter(&category_label)
        .x_labels(6)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .x_desc(&chart.labels.percent_axis)
        .label_style(text(24))
        .axis_desc_style(text(26))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    if chart.categories.is_empty() {
        cats.draw_series(std::iter::once(Text::new(chart.labels.nothing.clone(), (30.0, 0.0), text(28))))?;
        return Ok(());
    }
    cats.draw_series(chart.categories.iter().enumerate().map(|(i, c)| {
        let share = percent(c);
        let y = i as f64;
        Rectangle::new([(0.0, y - 0.34), (share, y + 0.34)], RIGHT.filled())
    }))?;
    cats.draw_series(chart.categories.iter().enumerate().map(|(i, c)| {
        let share = percent(c);
        let label = format!("{share:.0}% ({} / {})", c.right, c.answered);
        // Inside a long bar in white, after a short one in ink.
        let (x, color) = if share > 60.0 { (2.0, WHITE) } else { (share + 1.5, INK) };
        Text::new(label, (x, i as f64 - 0.2), (chart.family, 24).into_font().color(&color))
    }))?;
    Ok(())
}

/// The label of the bar at axis position `v`; none between bars.
fn label_at(bars: &[Bar], v: f64) -> String {
    let i = v.round();
    if (v - i).abs() > 0.01 || i < 0.0 {
        return String::new();
    }
    bars.get(i as usize).map(|b| b.label.clone()).unwrap_or_default()
}

fn percent(bar: &Bar) -> f64 {
    if bar.answered == 0 { 0.0 } else { f64::from(bar.right) * 100.0 / f64::from(bar.answered) }
}
