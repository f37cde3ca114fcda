// The camera that scans a key's QR code, for screens (components never import src/devices).
export { cameraPossible, openCamera } from '../../devices/environment';
export { CameraError, scanQr } from '../../devices/camera';
