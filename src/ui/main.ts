import { mount } from 'svelte';
import '@fontsource/sarabun/thai-400.css';
import '@fontsource/sarabun/thai-700.css';
import '@fontsource/sarabun/latin-400.css';
import '@fontsource/sarabun/latin-700.css';
import './styles.css';
import App from './App.svelte';
import { startServiceWorker } from './services/update.service';
import { followFocus } from './shell/focus-follow';

const target = document.getElementById('app')!;
target.replaceChildren();
mount(App, { target });
followFocus();
startServiceWorker();
