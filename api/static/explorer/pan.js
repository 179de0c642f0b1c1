// Panning by moving the drawn picture instead of redrawing it. Without a GPU (headless
// Chromium, many office laptops) WebGL is drawn in software, and redrawing thousands of nodes
// takes a fifth of a second; translating the layers already drawn costs the compositor almost
// nothing. While the mouse drags, the layers follow it; on release the camera moves by the same
// distance and sigma draws once.

const CLICK_TOLERANCE = 3;

export class PictureDrag {
  constructor(renderer, container) {
    this.renderer = renderer;
    this.container = container;
    this.start = null;
    this.offset = [0, 0];
    this.dragged = false;
    const captor = renderer.getMouseCaptor();
    captor.on("mousedown", (event) => this.down(event.original));
    renderer.on("moveBody", ({ event }) => this.move(event));
    captor.on("mouseup", () => this.up());
  }

  down(original) {
    if (original.button !== 0) return;
    this.start = [original.clientX, original.clientY];
    this.offset = [0, 0];
    this.dragged = false;
  }

  move(event) {
    if (!this.start) return;
    event.preventSigmaDefault();
    const original = event.original;
    this.offset = [original.clientX - this.start[0], original.clientY - this.start[1]];
    if (Math.hypot(...this.offset) > CLICK_TOLERANCE) this.dragged = true;
    this.translate(`translate(${this.offset[0]}px, ${this.offset[1]}px)`);
  }

  up() {
    if (!this.start) return;
    this.start = null;
    const [dx, dy] = this.offset;
    this.offset = [0, 0];
    if (dx === 0 && dy === 0) return;
    const { width, height } = this.renderer.getDimensions();
    const centre = this.renderer.viewportToFramedGraph({ x: width / 2 - dx, y: height / 2 - dy });
    this.renderer.getCamera().setState({ x: centre.x, y: centre.y });
    this.renderer.render();
    this.translate("");
  }

  // True once, right after a drag: the click sigma reports on release is not a click.
  consumeDrag() {
    const dragged = this.dragged;
    this.dragged = false;
    return dragged;
  }

  translate(transform) {
    for (const layer of this.container.children) layer.style.transform = transform;
  }
}
