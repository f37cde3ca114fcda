// The browser's storage for the settings screen: how much is used, and asking it to keep our data.
export { requestPersistence, storageStatus, type StorageStatus } from '../../db/storage';
