//! The export rasterizer against a GPU: the same egui frame drawn by egui's own wgpu painter
//! (on Mesa's software Vulkan in CI) and by `export::raster`, compared pixel by pixel.
//!
//! Run with `cargo test --features gpu-tests --test gpu` on a machine with a Vulkan driver
//! (Debian: `mesa-vulkan-drivers libvulkan1`); `.ci/run` installs it and runs this.
#![cfg(feature = "gpu-tests")]

use egui::epaint::TextureId;
use egui::{Key, vec2};
use egui_kittest::Harness;
use malbild::export::raster::{self, Progress, Texture};
use malbild::model::sample;
use malbild::ui::App;
use malbild::ui::desktop::ScriptedDesktop;
use std::collections::HashMap;

#[test]
fn the_cpu_rasterizer_draws_what_the_gpu_draws() {
    let app = App::new(
        sample::nara_vard(),
        None,
        Box::new(ScriptedDesktop::default()),
    );
    let (w, h) = (1200usize, 760usize);
    let mut harness = Harness::builder()
        .with_size(vec2(w as f32, h as f32))
        .with_step_dt(1.0 / 60.0)
        .wgpu()
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    harness.run();
    for k in [Key::Num2, Key::Num1] {
        harness.key_press(k);
        harness.remove_cursor();
        harness.run();
        // The sample's pictures, drawn by the canvas's cache on its threads.
        let start = std::time::Instant::now();
        while harness.state().view.pictures.is_busy() && start.elapsed().as_secs() < 20 {
            std::thread::sleep(std::time::Duration::from_millis(5));
            harness.step();
        }
        harness.run();
        let gpu = harness
            .render()
            .unwrap_or_else(|e| panic!("no GPU image: {e}"));
        assert_eq!((gpu.width() as usize, gpu.height() as usize), (w, h));

        let out = harness.output().clone();
        let prims = harness.ctx.tessellate(out.shapes, out.pixels_per_point);
        let image = harness.ctx.fonts(|f| f.image());
        let mut textures = HashMap::new();
        textures.insert(
            TextureId::default(),
            Texture {
                width: image.size[0],
                height: image.size[1],
                pixels: image.pixels.iter().map(|c| c.to_array()).collect(),
            },
        );
        // The pictures' pixels, drawn again by the same code as the cache's threads drew
        // them for the GPU.
        textures.extend(
            harness
                .state()
                .view
                .pictures
                .redrawn(&harness.state().doc().files),
        );
        let cpu = raster::rasterize(
            &prims,
            &textures,
            1.0,
            w,
            h,
            [0, 0, 0, 255],
            2,
            &Progress::default(),
        )
        .unwrap_or_else(|e| panic!("the CPU rasterizer drew nothing: {e:?}"));

        let gpu = gpu.into_raw();
        // Same size, and not empty: comparing pairs would pass an empty image.
        assert_eq!(cpu.len(), w * h * 4, "CPU image size");
        assert_eq!(gpu.len(), cpu.len(), "GPU image size");
        let mut err = 0.0f64;
        let mut off = 0usize;
        for (a, b) in cpu.chunks_exact(4).zip(gpu.chunks_exact(4)) {
            let mut worst = 0u8;
            for i in 0..3 {
                let d = a[i].abs_diff(b[i]);
                err += (d as f64) * (d as f64);
                worst = worst.max(d);
            }
            if worst > 8 {
                off += 1;
            }
        }
        let mse = err / (w * h * 3) as f64;
        let psnr = if mse == 0.0 {
            f64::INFINITY
        } else {
            10.0 * (255.0f64 * 255.0 / mse).log10()
        };
        let share = off as f64 / (w * h) as f64;
        eprintln!(
            "{k:?}: PSNR {psnr:.1} dB, {:.3} % of pixels differ by more than 8",
            share * 100.0
        );
        // Measured: about 77 dB, and no pixel more than 8 apart.
        assert!(psnr > 60.0, "PSNR {psnr:.1} dB");
        assert!(
            share < 0.0005,
            "{:.3} % of pixels differ by more than 8",
            share * 100.0
        );
    }
}
